import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import { type Watching, watchBriefs } from '../src/watch/watchBriefs.js';
import { projectRoot, runBrief } from './helpers/cli.js';
import { until as waitUntil, watchingStarted } from './helpers/waiting.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string) => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"`);
/** minimal.json whose entry has no link: one lint warning. */
const linkless = (topic: string) => withTopic(topic).replace('"url": "https://example.org/report",', '');

/** A project in a temporary folder: briefs/a.json and briefs/b.json, and copies of templates/ and schema/. */
function makeProject(a = withTopic('Topic A')): string {
  const root = mkdtempSync(join(tmpdir(), 'brief-watch-paths-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  mkdirSync(join(root, 'briefs'));
  writeFileSync(join(root, 'briefs', 'a.json'), a);
  writeFileSync(join(root, 'briefs', 'b.json'), withTopic('Topic B'));
  return root;
}

describe('brief watch with paths, and warnings', () => {
  let root: string;
  let watching: Watching | undefined;
  let lines: string[];
  let builds: { brief: string; result: BuildResult }[];
  const buildsOf = (name: string) => builds.filter((b) => b.brief.endsWith(`${name}.json`));

  async function start(briefs?: string[], a?: string): Promise<void> {
    root = makeProject(a);
    lines = [];
    builds = [];
    watching = watchBriefs({
      briefsDir: join(root, 'briefs'),
      briefs: briefs?.map((b) => join(root, b)),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) },
      onBuilt: (brief, result) => builds.push({ brief, result }),
    });
    await watching.ready;
  }

  const until = (condition: () => boolean, what: string) =>
    waitUntil(
      condition,
      what,
      () => lines,
      () => watching?.idle() ?? Promise.resolve(),
    );

  /** Save `text` as briefs/<name>.json and wait for its next build; the lines printed for it. */
  async function save(name: string, text: string): Promise<string[]> {
    const count = buildsOf(name).length;
    const from = lines.length;
    writeFileSync(join(root, 'briefs', `${name}.json`), text);
    await until(() => buildsOf(name).length > count, `${name} to be rebuilt`);
    // Each line starts with the time (or ten spaces): the rest is what is compared.
    return lines.slice(from).map((l) => l.slice(10));
  }

  /** The warning lines `brief lint` prints for briefs/<name>.json as it is now, as the watcher indents them. */
  async function lintLines(name: string): Promise<string[]> {
    const { out } = await runBrief('lint', join(root, 'briefs', `${name}.json`));
    return out.slice(0, -1);
  }

  afterEach(async () => {
    await watching?.close();
    watching = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('watching one brief builds only it; saving another brief does nothing', async () => {
    await start(['briefs/a.json']);
    expect(builds.map((b) => b.brief)).toEqual([join(root, 'briefs', 'a.json')]);
    writeFileSync(join(root, 'briefs', 'b.json'), withTopic('Topic B, edited'));
    writeFileSync(join(root, 'briefs', 'c.json'), withTopic('Topic C'));
    await new Promise((r) => setTimeout(r, 500));
    await watching?.idle();
    expect(buildsOf('b')).toHaveLength(0);
    expect(buildsOf('c')).toHaveLength(0);

    await save('a', withTopic('Topic A, edited'));
    expect(buildsOf('a')).toHaveLength(2);
    // An editor that saves by renaming a temporary file over it.
    writeFileSync(join(root, 'briefs', '.a.json.swp'), withTopic('Topic A, renamed'));
    renameSync(join(root, 'briefs', '.a.json.swp'), join(root, 'briefs', 'a.json'));
    await until(() => buildsOf('a').length === 3, 'the renamed save to be built');
    expect(buildsOf('b')).toHaveLength(0);
  });

  it('watching a folder builds the briefs in it, and a brief added to it later', async () => {
    await start(['briefs']);
    expect(builds.map((b) => b.brief).sort()).toEqual([join(root, 'briefs', 'a.json'), join(root, 'briefs', 'b.json')]);
    writeFileSync(join(root, 'briefs', 'c.json'), withTopic('Topic C'));
    await until(() => buildsOf('c').length === 1, 'c to be built');
  });

  it("prints a brief's warnings at its first build and when they change, not when a save leaves them as they were", async () => {
    await start(['briefs/a.json'], linkless('Topic A'));
    expect(lines[0]?.slice(10)).toMatch(/^first build -> .*briefs\/a\.json: wrote .*a\.pdf .* in \d+\.\d s$/);
    const first = await lintLines('a');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/a\.json:14:9 {2}\/sections\/0\/entries\/0 {2}.*"A report".* has no link/);
    expect(lines.slice(1, -1)).toEqual(first.map((l) => `          ${l}`));
    expect(lines.at(-1)).toMatch(/ {2}watching .*a\.json, .*templates, .*schema \(Ctrl-C to stop\)$/);

    // The same warning, one line lower: unchanged.
    const same = await save('a', linkless('Topic A, edited').replace('"series"', '\n  "series"'));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatch(/a\.json changed -> .*a\.json: wrote .* in \d+\.\d s \(1 warning, unchanged\)$/);

    // A second warning: both are printed.
    const more = await save('a', linkless('Topic A').replace('"sections": [', '"sections": [{ "heading": "Empty" },'));
    expect(more[0]).toMatch(/a\.json changed -> .*a\.json: wrote .* in \d+\.\d s$/);
    expect(more.slice(1)).toEqual(await lintLines('a'));
    expect(more.slice(1)).toHaveLength(2);
    expect(more[1]).toMatch(/ {2}\/sections\/0 {2}.*the section "Empty" is empty/);

    // An invalid save prints its problems, and the warnings are remembered from the last build that had them.
    const broken = await save('a', '{');
    expect(broken[0]).toMatch(/a\.json changed -> .*a\.json: not built; the previous output, if any, is unchanged$/);
    expect(broken.slice(1)).toEqual([expect.stringMatching(/a\.json:1:1 {2}JSON syntax: the file ends too soon/)]);
    const fixed = await save('a', linkless('Topic A').replace('"sections": [', '"sections": [{ "heading": "Empty" },'));
    expect(fixed).toHaveLength(1);
    expect(fixed[0]).toMatch(/\(2 warnings, unchanged\)$/);

    // None left: said once.
    const none = await save('a', withTopic('Topic A'));
    expect(none.slice(1)).toEqual(['no warnings now']);
    const still = await save('a', withTopic('Topic A, again'));
    expect(still).toHaveLength(1);
    expect(still[0]).toMatch(/ in \d+\.\d s$/);
  });
});

describe('brief watch <path> from the command line', () => {
  it('builds only the brief named, without .json, and says what it watches', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-cli-watch-paths-'));
    mkdirSync(join(cwd, 'briefs'));
    cpSync('tests/fixtures/valid/minimal.json', join(cwd, 'briefs', 'a.json'));
    cpSync('tests/fixtures/valid/minimal.json', join(cwd, 'briefs', 'b.json'));
    const child = spawn(process.execPath, [`${projectRoot}bin/brief.js`, 'watch', 'briefs/a'], { cwd });
    const watch = watchingStarted(child);
    await watch.started;
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const said = watch
      .stdout()
      .split('\n')
      .map((l) => l.replace(/^\S+ {2}/, ''));
    expect(said.filter((l) => l.startsWith('first build'))).toEqual([
      expect.stringMatching(
        /^first build -> briefs\/a\.json: wrote output\/a\.pdf \(\d+ pages, \d+ KB\), output\/a\.docx \(\d+ KB\) and output\/a\.html \(\d+ KB\) in \d+\.\d s$/,
      ),
    ]);
    expect(said).toContain(`watching briefs/a.json, ${projectRoot}templates, ${projectRoot}schema (Ctrl-C to stop)`);
  });
});
