import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

interface Fixture {
  dir: string;
  lines: string[];
}

/**
 * Each test project (vitest.config.ts) runs this setup in the one main process; the build is
 * shared through the process's globals so that it happens once, and so that the program's modules
 * are loaded once there: a second copy would install its engine adjustments over the first's.
 */
const shared = Symbol.for('brief.tests.fixture2021');

async function build2021(): Promise<Fixture> {
  const { main } = await import('../src/cli/main.js');
  const dir = mkdtempSync(join(tmpdir(), 'brief-2021-fixture-'));
  const lines: string[] = [];
  const code = await main(['node', 'brief', 'build', 'briefs/peer-support-workers-2021-01.json', '--output', dir], {
    info: (line) => lines.push(line),
    error: (line) => lines.push(line),
  });
  if (code !== 0) throw new Error(`the 2021 brief did not build for the tests:\n${lines.join('\n')}`);
  return { dir, lines };
}

/**
 * The one shared built fixture: the 2021 brief built once, with `brief build`, before any test
 * file runs; the files that read its documents (tests/helpers/brief2021.ts) share it rather
 * than each building it again.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const process = globalThis as { [shared]?: Promise<Fixture> };
  process[shared] ??= build2021();
  const fixture = await process[shared];
  project.provide('brief2021', fixture);
  return () => rmSync(fixture.dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    brief2021: Fixture;
  }
}
