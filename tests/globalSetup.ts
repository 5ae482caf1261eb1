import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { main } from '../src/cli/main.js';

/**
 * The one shared built fixture: the 2021 brief built once, with `brief build`, before any test
 * file runs; the files that read its documents (tests/helpers/brief2021.ts) share it rather
 * than each building it again.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'brief-2021-fixture-'));
  const lines: string[] = [];
  const code = await main(['node', 'brief', 'build', 'briefs/peer-support-workers-2021-01.json', '--output', dir], {
    info: (line) => lines.push(line),
    error: (line) => lines.push(line),
  });
  if (code !== 0) throw new Error(`the 2021 brief did not build for the tests:\n${lines.join('\n')}`);
  project.provide('brief2021', { dir, lines });
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    brief2021: { dir: string; lines: string[] };
  }
}
