import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchBuild, type BatchReport } from '../src/batch/batchBuild.js';
import { acquireBuildLock, LOCK_NAME } from '../src/batch/buildLock.js';
import { briefFiles } from '../src/pipeline/briefFiles.js';
import { runBrief, spawnBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string, extra = '') => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"${extra}`);

/** A folder of briefs (one using a layout without the acknowledgement box) with its own copy of the templates. */
function makeProject(count = 3, { plain = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'brief-batch-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  const layout = readFileSync('templates/layouts/evidence-brief.hbs', 'utf8').replace('{{> top-matter}}', '<p class="title">{{title}}</p>');
  writeFileSync(join(root, 'templates', 'layouts', 'plain.hbs'), layout);
  mkdirSync(join(root, 'briefs'));
  for (let i = 1; i <= count; i++) writeFileSync(join(root, 'briefs', `brief-${i}.json`), withTopic(`Topic ${i}`));
  // Only batchBuild is given this project's templates; the command line uses brief's own.
  if (plain) writeFileSync(join(root, 'briefs', 'plain.json'), withTopic('Plain', ',\n  "layout": "plain"'));
  return root;
}

const quiet = { info: () => undefined, error: () => undefined };
const modified = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));

async function build(root: string, extra: { force?: boolean; concurrency?: number } = {}): Promise<BatchReport> {
  const files = await briefFiles([join(root, 'briefs')]);
  return batchBuild(files, { outputDir: join(root, 'output'), templatesRoot: join(root, 'templates'), concurrency: 2, ...extra }, quiet);
}

describe('brief build as a scheduled batch', () => {
  it('builds every brief in parallel, then skips them all and rewrites nothing when nothing changed', async () => {
    const root = makeProject();
    const first = await build(root);
    expect(first.summary).toEqual({ built: 4, skipped: 0, failed: 0 });
    expect(first.concurrency).toBe(2);
    const before = modified(join(root, 'output'));

    const second = await build(root);
    expect(second.summary).toEqual({ built: 0, skipped: 4, failed: 0 });
    expect(modified(join(root, 'output'))).toEqual(before);

    const forced = await build(root, { force: true });
    expect(forced.summary).toEqual({ built: 4, skipped: 0, failed: 0 });
  });

  it('rebuilds only the brief that changed, and only the briefs that use a changed partial', async () => {
    const root = makeProject();
    await build(root);
    writeFileSync(join(root, 'briefs', 'brief-2.json'), withTopic('Topic 2, edited'));
    const afterBrief = await build(root);
    expect(afterBrief.briefs.filter((b) => b.status === 'built').map((b) => b.file)).toEqual([expect.stringMatching(/brief-2\.json$/)]);

    const partial = join(root, 'templates', 'partials', 'acknowledgement.hbs');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('Please acknowledge', 'Kindly acknowledge'));
    const afterPartial = await build(root);
    expect(afterPartial.briefs.map((b) => [b.file.replace(/.*\//, ''), b.status])).toEqual([
      ['brief-1.json', 'built'],
      ['brief-2.json', 'built'],
      ['brief-3.json', 'built'],
      ['plain.json', 'skipped'],
    ]);
  });

  it('gives the same bytes with one worker or two', async () => {
    const root = makeProject(2);
    await build(root, { concurrency: 1 });
    const one = readdirSync(join(root, 'output'))
      .filter((n) => !n.startsWith('.'))
      .map((n) => readFileSync(join(root, 'output', n)));
    await build(root, { concurrency: 2, force: true });
    const two = readdirSync(join(root, 'output'))
      .filter((n) => !n.startsWith('.'))
      .map((n) => readFileSync(join(root, 'output', n)));
    expect(one).toHaveLength(9); // a PDF, a .docx and a page for each of the three briefs
    expect(two).toHaveLength(9);
    expect(two.every((bytes, i) => bytes.equals(one[i] as Buffer))).toBe(true);
  });

  it('builds the others when one brief is broken, names it, exits 1, and writes a report of every brief', async () => {
    const root = makeProject(4, { plain: false });
    writeFileSync(join(root, 'briefs', 'brief-2.json'), withTopic('Broken').replace('"date": "March 2020"', '"date": "Mar 2020"'));
    const report = join(root, 'report.json');
    const result = await runBrief('build', join(root, 'briefs'), '--output', join(root, 'output'), '--report', report, '--concurrency', '2');
    expect(result.code).toBe(1);
    expect(result.out.join('\n')).toMatch(/brief-2\.json:17:19 {2}\/sections\/0\/entries\/0\/date {2}"date" should be a year/);
    expect(result.out.at(-1)).toMatch(/^4 briefs: 3 built, 0 unchanged \(skipped\), 1 failed, in \d+\.\d s; report in .*report\.json$/);
    const json = JSON.parse(readFileSync(report, 'utf8')) as BatchReport;
    expect(json.summary).toEqual({ built: 3, skipped: 0, failed: 1 });
    expect(json.briefs.map((b) => [b.file.replace(/.*\//, ''), b.status])).toEqual([
      ['brief-1.json', 'built'],
      ['brief-2.json', 'failed'],
      ['brief-3.json', 'built'],
      ['brief-4.json', 'built'],
    ]);
    const built = json.briefs[0];
    expect(built).toMatchObject({ pages: 3, warnings: [], errors: [] });
    expect(built?.bytes).toBeGreaterThan(10_000);
    expect(built?.milliseconds).toBeGreaterThan(0);
    expect(built?.outputs.map((o) => o.path.replace(/.*\//, ''))).toEqual(['brief-1.pdf', 'brief-1.docx', 'brief-1.html']);
    expect(json.briefs[1]?.errors[0]).toMatch(/brief-2\.json:17:19 {2}\/sections\/0\/entries\/0\/date/);
  });

  it('refuses a second run while one holds the lock, saying which run holds it', async () => {
    const root = makeProject(1, { plain: false });
    const release = await acquireBuildLock(join(root, 'output'), 'brief build (the nightly run)', () => undefined);
    try {
      const second = spawnBrief(['build', 'briefs'], root);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`brief: brief build (the nightly run) is already writing into output: process ${process.pid} on ${hostname()}, started `);
      expect(second.stderr).toContain('; try again when it has finished');
      expect(readdirSync(join(root, 'output')).sort()).toEqual([LOCK_NAME, `${LOCK_NAME}.owner.json`]);
    } finally {
      await release();
    }
  });

  it('takes over a lock left by a run that was killed', async () => {
    const root = makeProject(2, { plain: false });
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid as number;
    mkdirSync(join(root, 'output', LOCK_NAME), { recursive: true });
    writeFileSync(
      join(root, 'output', `${LOCK_NAME}.owner.json`),
      JSON.stringify({ pid: gone, host: hostname(), started: '2026-11-25T02:00:00.000Z', command: 'brief build' }),
    );
    const result = spawnBrief(['build', 'briefs'], root);
    expect(result.stdout).toContain(`a lock left by a build that stopped (process ${gone}, started 2026-11-25T02:00:00.000Z) was found and taken over`);
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, 'output')).sort()).toEqual([
      '.brief-manifest.json',
      'brief-1.docx',
      'brief-1.html',
      'brief-1.pdf',
      'brief-2.docx',
      'brief-2.html',
      'brief-2.pdf',
    ]);
  });

  it('takes over at once a lock whose run was killed before it could write its name, and still refuses a live one', async () => {
    const root = makeProject(1, { plain: false });
    const output = join(root, 'output');
    // Killed between taking the lock and writing the owner file: only its claim is left.
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid as number;
    mkdirSync(join(output, LOCK_NAME), { recursive: true });
    writeFileSync(
      join(output, `${LOCK_NAME}.owner.${gone}.json`),
      JSON.stringify({ pid: gone, host: hostname(), started: '2026-11-25T02:00:00.000Z', command: 'brief build' }),
    );
    const result = spawnBrief(['build', 'briefs'], root);
    expect(result.stdout).toContain(`a lock left by a build that stopped (process ${gone}, started 2026-11-25T02:00:00.000Z) was found and taken over`);
    expect(result.code).toBe(0);
    expect(readdirSync(output).filter((n) => n.startsWith('.brief.lock'))).toEqual([]);
    // A live run at that very moment (its claim written, its name not yet): refused, and its claim left alone.
    mkdirSync(join(output, LOCK_NAME));
    writeFileSync(
      join(output, `${LOCK_NAME}.owner.${process.pid}.json`),
      JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-26T02:00:00.000Z', command: 'brief build (naming itself)' }),
    );
    const refused = spawnBrief(['build', 'briefs', '--force'], root);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`brief build (naming itself) is already writing into output: process ${process.pid} on ${hostname()}`);
    expect(
      readdirSync(output)
        .filter((n) => n.startsWith('.brief.lock'))
        .sort(),
    ).toEqual([LOCK_NAME, `${LOCK_NAME}.owner.${process.pid}.json`]);
  });

  it('writes plain timestamped lines when its output is not a terminal (cron mail, logs)', () => {
    const root = makeProject(2, { plain: false });
    const result = spawnBrief(['build', 'briefs'], root);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}/);
    expect(lines[2]).toMatch(/2 briefs: 2 built, 0 unchanged \(skipped\), 0 failed, in \d+\.\d s$/);
    expect(result.stdout).not.toContain('\r');
  });
});
