import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import { startBuildEngine } from '../src/engine/buildEngine.js';
import { crashResult } from '../src/engine/buildFailures.js';
import { IN_THIS_THREAD_MAX_BYTES } from '../src/engine/inThisThread.js';
import { briefFiles } from '../src/pipeline/briefFiles.js';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import { watchBriefs } from '../src/watch/watchBriefs.js';
import { projectRoot } from './helpers/cli.js';

/** A folder of briefs made from the minimal test brief, one per name. */
function briefsFolder(names: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'brief-engine-'));
  mkdirSync(join(root, 'briefs'));
  const minimal = readFileSync(join(projectRoot, 'tests/fixtures/valid/minimal.json'), 'utf8').replace('"../../../schema/', `"${projectRoot}schema/`);
  for (const name of names) writeFileSync(join(root, 'briefs', `${name}.json`), minimal.replace('"Test Topic"', `"Topic ${name}"`));
  return root;
}

const documents = (folder: string) => readdirSync(folder).filter((n) => /\.(pdf|docx)$/.test(n));

describe('the build engine', () => {
  it('is started by a plain bin/brief.js: no Node options on its first line, none in the benchmark', () => {
    expect(readFileSync(join(projectRoot, 'bin', 'brief.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.bench).toBe('tsx scripts/bench.ts');
  });

  it("turns a crash inside a build into that brief's diagnostic, saying what happened", () => {
    const file = { path: '/b/x.json', file: 'x.json' };
    const message = (error: unknown) => (crashResult(file, error, 2048) as { diagnostics: { message: string }[] }).diagnostics[0]?.message;
    expect(
      message(Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' })),
    ).toBe('too large to build: it needed more than 2,048 MB of memory; split it into two briefs');
    expect(message(new RangeError('Maximum call stack size exceeded'))).toBe(
      'too deeply nested to build (Maximum call stack size exceeded): look for a template or text that includes itself',
    );
    expect(message(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      "the build stopped unexpectedly, a fault in brief rather than in this file (please report it): Cannot read properties of undefined (reading 'x')",
    );
  });

  it('reports a build that runs out of memory on one worker as too large, builds the next brief, and the next run builds it', async () => {
    const root = briefsFolder(['one', 'two']);
    const files = await briefFiles([join(root, 'briefs')]);
    const lines: string[] = [];
    const out = { info: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const starved = await batchBuild(files, { outputDir: join(root, 'output'), concurrency: 1, workerMemoryMb: 8 }, out);
    expect(starved.summary).toEqual({ built: 0, skipped: 0, failed: 2 });
    for (const name of ['one', 'two'])
      expect(lines).toContain(`${join(root, 'briefs', `${name}.json`)}  too large to build: it needed more than 8 MB of memory; split it into two briefs`);
    expect(documents(join(root, 'output'))).toEqual([]);
    const fed = await batchBuild(files, { outputDir: join(root, 'output'), concurrency: 1 }, out);
    expect(fed.summary).toEqual({ built: 2, skipped: 0, failed: 0 });
  }, 120_000);

  it("builds one small brief in the command's own thread, and one over the size for that in a worker with its memory limit", async () => {
    const root = briefsFolder(['small']);
    const lines: string[] = [];
    const out = { info: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    // Under 8 MB no worker can build a brief: built, it was built in this thread.
    const small = await batchBuild(await briefFiles([join(root, 'briefs')]), { outputDir: join(root, 'output'), concurrency: 1, workerMemoryMb: 8 }, out);
    expect(small.summary).toEqual({ built: 1, skipped: 0, failed: 0 });
    // The same brief with blank space past IN_THIS_THREAD_MAX_BYTES goes to a worker, and runs out of its 8 MB.
    const large = join(root, 'briefs', 'small.json');
    const text = readFileSync(large, 'utf8');
    writeFileSync(large, `${text}${' '.repeat(IN_THIS_THREAD_MAX_BYTES + 1 - Buffer.byteLength(text))}`);
    const starved = await batchBuild(await briefFiles([join(root, 'briefs')]), { outputDir: join(root, 'output'), concurrency: 1, workerMemoryMb: 8 }, out);
    expect(starved.summary).toEqual({ built: 0, skipped: 0, failed: 1 });
    expect(lines).toContain(`${large}  too large to build: it needed more than 8 MB of memory; split it into two briefs`);
  }, 120_000);

  it('builds again, with the full memory limit, a brief that runs out of the memory it first runs under', async () => {
    const root = briefsFolder(['one', 'two']);
    // 8 MB first: every build runs out, and is built again under the full limit.
    const engine = startBuildEngine({ outputDir: join(root, 'output'), threads: 2, firstMemoryMb: 8 });
    try {
      const results = await Promise.all((await briefFiles([join(root, 'briefs')])).map((file) => engine.build(file)));
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(documents(join(root, 'output')).sort()).toEqual(['one.docx', 'one.pdf', 'two.docx', 'two.pdf']);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('keeps a watcher alive when a save is too large to build, and says so', async () => {
    const root = briefsFolder(['one']);
    const lines: string[] = [];
    const results: BuildResult[] = [];
    const watching = watchBriefs({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(projectRoot, 'templates'),
      schemaRoot: join(projectRoot, 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
      memoryMb: 8,
      onBuilt: (_brief, result) => results.push(result),
    });
    try {
      await watching.ready;
      expect(results.map((r) => r.ok)).toEqual([false]);
      expect(lines.join('\n')).toContain('too large to build: it needed more than 8 MB of memory; split it into two briefs');
      // Still watching: a save is built again (and fails the same way, rather than ending the watcher).
      writeFileSync(join(root, 'briefs', 'one.json'), readFileSync(join(root, 'briefs', 'one.json'), 'utf8').replace('Topic one', 'Topic one again'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await watching.idle();
      expect(results.length).toBe(2);
      expect(results[1]?.ok).toBe(false);
    } finally {
      await watching.close();
    }
  }, 120_000);

  it('builds the 2021 brief twenty times over (469 pages) with the command, beside another brief on a second worker', () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-twenty-'));
    mkdirSync(join(root, 'briefs'));
    const brief = JSON.parse(readFileSync(join(projectRoot, 'briefs', 'peer-support-workers-2021-01.json'), 'utf8')) as {
      $schema: string;
      sections: unknown[];
    };
    brief.$schema = join(projectRoot, 'schema', 'brief.schema.json');
    cpSync(join(projectRoot, 'tests/fixtures/valid/minimal.json'), join(root, 'briefs', 'one.json'));
    writeFileSync(
      join(root, 'briefs', 'one.json'),
      readFileSync(join(root, 'briefs', 'one.json'), 'utf8').replace('"../../../schema/', `"${projectRoot}schema/`),
    );
    brief.sections = Array.from({ length: 20 }, () => brief.sections).flat();
    writeFileSync(join(root, 'briefs', 'twenty.json'), JSON.stringify(brief, null, 2));
    const run = spawnSync(process.execPath, [join(projectRoot, 'bin', 'brief.js'), 'build', '--concurrency', '2'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/briefs\/twenty\.json: wrote output\/twenty\.pdf \(469 pages, /);
    expect(run.stdout).toContain('2 briefs: 2 built, 0 unchanged (skipped), 0 failed');
    expect(run.status).toBe(0);
  }, 120_000);

  it('refuses a brief over the size limit, by name, before any build', () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-over-'));
    mkdirSync(join(root, 'briefs'));
    // The 2021 brief's sections forty-odd times, up to the schema's 200, each with its entries twice: 4.8 MB.
    type Part = { entries?: unknown[]; subsections?: Part[] };
    const twice = (part: Part): Part => ({
      ...part,
      ...(part.entries && { entries: [...part.entries, ...part.entries] }),
      ...(part.subsections && { subsections: part.subsections.map(twice) }),
    });
    const brief = JSON.parse(readFileSync(join(projectRoot, 'briefs', 'peer-support-workers-2021-01.json'), 'utf8')) as { sections: Part[] };
    brief.sections = Array.from({ length: 44 }, () => brief.sections)
      .flat()
      .slice(0, 200)
      .map(twice);
    writeFileSync(join(root, 'briefs', 'huge.json'), JSON.stringify(brief, null, 2));
    const run = spawnSync(process.execPath, [join(projectRoot, 'bin', 'brief.js'), 'build'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toMatch(
      /briefs\/huge\.json {2}the file is 4\.\d MB: a brief is at most 4 MB, some forty times the January 2021 brief; split it into two briefs/,
    );
    expect(run.status).toBe(1);
    expect(readdirSync(join(root, 'output')).filter((n) => !n.startsWith('.'))).toEqual([]);
  });

  it('runs an edit to the source, not an older build of it, at every concurrency', () => {
    // A copy of the project, bundle and all (npm test builds it first), whose source is then
    // edited so that its documents name a different creator: the bundle is now older than the source.
    const copy = mkdtempSync(join(tmpdir(), 'brief-source-'));
    for (const part of ['src', 'dist', 'templates', 'schema', 'package.json', 'package-lock.json'])
      cpSync(join(projectRoot, part), join(copy, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
    const context = join(copy, 'src', 'pipeline', 'buildContext.ts');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, replaced as text
    writeFileSync(context, readFileSync(context, 'utf8').replace('creator: `brief ${version}`', 'creator: `edited brief ${version}`'));
    mkdirSync(join(copy, 'briefs'));
    for (const name of ['a', 'b']) cpSync(join(projectRoot, 'tests/fixtures/valid/minimal.json'), join(copy, 'briefs', `${name}.json`));
    for (const name of ['a', 'b'])
      writeFileSync(
        join(copy, 'briefs', `${name}.json`),
        readFileSync(join(copy, 'briefs', `${name}.json`), 'utf8').replace('"../../../schema/', '"../schema/'),
      );
    const run = `const { main } = await import(${JSON.stringify(join(copy, 'src', 'cli', 'main.ts'))}); process.exitCode = await main(process.argv);`;
    // One brief at concurrency 1 is built in the command's own thread; two at concurrency 2, in two
    // workers (one worker runs the same worker code, so it is not run a third time).
    for (const [concurrency, names] of [
      ['1', ['a']],
      ['2', ['a', 'b']],
    ] as const) {
      const output = join(copy, `output-${concurrency}`);
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          run,
          'brief',
          'build',
          ...names.map((name) => `briefs/${name}.json`),
          '--concurrency',
          concurrency,
          '--output',
          output,
        ],
        { cwd: copy, encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(names.length === 1 ? '1 brief: 1 built' : '2 briefs: 2 built, 0 unchanged (skipped), 0 failed');
      for (const name of names) expect(execFileSync('pdfinfo', [join(output, `${name}.pdf`)], { encoding: 'utf8' })).toMatch(/^Creator:\s+edited brief \d/m);
    }
  }, 120_000);
});
