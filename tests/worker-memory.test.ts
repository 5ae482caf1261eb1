import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import { briefFiles } from '../src/pipeline/briefFiles.js';

/** A build that runs out of its worker's memory is that brief's diagnostic: the run goes on, ends, and frees its lock. */
describe('a brief too large for its worker', () => {
  it('is reported as too large to build, by name; nothing is written; the next run builds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-memory-'));
    mkdirSync(join(root, 'briefs'));
    const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8').replace('"../../../schema/', `"${process.cwd()}/schema/`);
    for (const name of ['one', 'two']) writeFileSync(join(root, 'briefs', `${name}.json`), minimal.replace('"Test Topic"', `"Topic ${name}"`));
    const files = await briefFiles([join(root, 'briefs')]);
    const lines: string[] = [];
    const out = { info: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    // 8 MB: no build of a brief fits, as a brief far over any real one would not fit 2,048 MB.
    const starved = await batchBuild(files, { outputDir: join(root, 'output'), concurrency: 2, workerMemoryMb: 8 }, out);
    expect(starved.summary).toEqual({ built: 0, skipped: 0, failed: 2 });
    for (const name of ['one', 'two']) {
      expect(lines).toContain(`${join(root, 'briefs', `${name}.json`)}  too large to build: it needed more than 8 MB of memory; split it into two briefs`);
    }
    expect(readdirSync(join(root, 'output')).filter((n) => /\.(pdf|docx)$/.test(n))).toEqual([]);
    const fed = await batchBuild(files, { outputDir: join(root, 'output'), concurrency: 2 }, out);
    expect(fed.summary).toEqual({ built: 2, skipped: 0, failed: 0 });
  }, 120_000);
});
