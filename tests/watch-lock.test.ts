import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPath } from '../src/diagnostics/displayPath.js';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, LockHeldError } from '../src/batch/buildLock.js';
import { watchBriefs } from '../src/watch/watchBriefs.js';
import { runBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');

function makeProject() {
  const root = mkdtempSync(join(tmpdir(), 'brief-watch-lock-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  mkdirSync(join(root, 'briefs'));
  writeFileSync(join(root, 'briefs', 'a.json'), minimal);
  mkdirSync(join(root, 'output'));
  return root;
}

const watch = (root: string, lines: string[]) =>
  watchBriefs({
    briefsDir: join(root, 'briefs'),
    templatesRoot: join(root, 'templates'),
    schemaRoot: join(root, 'schema'),
    outputDir: join(root, 'output'),
    out: { info: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) },
  });

describe('brief watch and brief build share one lock and one clean-up', () => {
  it('a build while a watcher writes into the same folder is refused, naming the watcher, and removes none of its files', async () => {
    const root = makeProject();
    const watching = watch(root, []);
    try {
      await watching.ready;
      // As a save being written at that moment leaves it.
      const saving = join(root, 'output', `a.pdf.brief-${process.pid}-99.tmp`);
      writeFileSync(saving, 'half of a PDF');
      const build = await runBrief('build', join(root, 'briefs'), '--output', join(root, 'output'));
      expect(build.code).toBe(3);
      expect(build.err[0]).toContain(
        `brief: brief watch is already writing into ${displayPath(join(root, 'output'))}: process ${process.pid} on ${hostname()}`,
      );
      expect(build.err[0]).toContain('; stop it (Ctrl-C where it runs), or build into another folder with --output');
      expect(existsSync(saving)).toBe(true);
    } finally {
      await watching.close();
    }
  });

  it('a watcher started while a build holds the folder is refused, and removes none of its files', async () => {
    const root = makeProject();
    const release = await acquireBuildLock(join(root, 'output'), 'brief build (the nightly run)', () => undefined);
    try {
      const building = join(root, 'output', `a.docx.brief-${process.pid}-7.tmp`);
      writeFileSync(building, 'half of a Word document');
      const watching = watch(root, []);
      await expect(watching.ready).rejects.toThrow(LockHeldError);
      await expect(watching.ready).rejects.toThrow('brief build (the nightly run) is already writing into ');
      await watching.close();
      expect(existsSync(building)).toBe(true);
      expect(existsSync(join(root, 'output', 'a.pdf'))).toBe(false);
    } finally {
      await release();
    }
  });

  it('a watcher removes the temporary files a stopped watcher (or build) left, and frees the folder when it stops', async () => {
    const root = makeProject();
    writeFileSync(join(root, 'output', 'a.pdf.brief-999999-3.tmp'), 'left by a watcher that was killed');
    writeFileSync(join(root, 'output', 'a.docx.brief-999999-4.old'), 'a previous document kept by it');
    const lines: string[] = [];
    const watching = watch(root, lines);
    await watching.ready;
    await watching.close();
    expect(lines.some((l) => l.endsWith('removed 2 unfinished temporary files left by a build or watcher that was stopped'))).toBe(true);
    expect(readdirSync(join(root, 'output')).sort()).toEqual(['a.docx', 'a.html', 'a.pdf']);
    expect((await runBrief('build', join(root, 'briefs'), '--output', join(root, 'output'))).code).toBe(0);
  });
});
