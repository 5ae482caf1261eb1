import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import { briefFiles } from '../src/pipeline/briefFiles.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { watchBriefs } from '../src/watch/watchBriefs.js';

/** A project whose entry partial includes itself (at its end, so it would recurse for ever). */
function recursiveProject() {
  const root = mkdtempSync(join(tmpdir(), 'brief-recursive-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  appendFileSync(join(root, 'templates', 'partials', 'entry.hbs'), '{{> entry}}\n');
  mkdirSync(join(root, 'briefs'));
  writeFileSync(
    join(root, 'briefs', 'brief.json'),
    readFileSync('tests/fixtures/valid/minimal.json', 'utf8').replace('"../../../schema/', `"${process.cwd()}/schema/`),
  );
  return root;
}

const expected = (root: string) => ({
  file: join(root, 'templates', 'partials', 'entry.hbs').replace(`${process.cwd()}/`, ''),
  message: 'the partial "entry" includes itself (entry > entry), so it would never end: take that {{> ...}} out',
});

describe('a partial that includes itself', () => {
  it('is a located diagnostic from the pipeline itself', async () => {
    const root = recursiveProject();
    const path = join(root, 'briefs', 'brief.json');
    const result = await buildBrief({ path, file: path }, createBuildContext({ outputDir: join(root, 'output'), templatesRoot: join(root, 'templates') }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => ({ file: d.file, message: d.message }))).toEqual([expected(root)]);
  });

  it.each([1, 2])("is that brief's diagnostic in a batch on %i worker(s), the run ends, exit 1 and no output", async (concurrency) => {
    const root = recursiveProject();
    const lines: string[] = [];
    const report = await batchBuild(
      await briefFiles([join(root, 'briefs')]),
      { outputDir: join(root, 'output'), templatesRoot: join(root, 'templates'), concurrency },
      { info: (l) => lines.push(l), error: (l) => lines.push(l) },
    );
    expect(report.summary).toEqual({ built: 0, skipped: 0, failed: 1 });
    expect(lines.join('\n')).toContain(`${expected(root).file}  ${expected(root).message}`);
  });

  it("is that brief's diagnostic under brief watch, which goes on watching", async () => {
    const root = recursiveProject();
    const lines: string[] = [];
    const watching = watchBriefs({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(process.cwd(), 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
    });
    try {
      await watching.ready;
      expect(lines.join('\n')).toContain(`${expected(root).file}  ${expected(root).message}`);
      expect(lines.at(-1)).toContain('watching');
    } finally {
      await watching.close();
    }
  });
});
