import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import { watchBriefs, type Watching } from '../src/watch/watchBriefs.js';
import { readPdf } from './helpers/pdf.js';
import { until as waitUntil } from './helpers/waiting.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string, extra = '') => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"${extra}`);

/** A project in a temporary folder: two briefs, a copy of templates/ (plus a layout without the acknowledgement box) and schema/. */
function makeProject() {
  const root = mkdtempSync(join(tmpdir(), 'brief-watch-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  const layout = readFileSync('templates/layouts/evidence-brief.hbs', 'utf8').replace('{{> top-matter}}', '<p class="title">{{title}}</p>');
  writeFileSync(join(root, 'templates', 'layouts', 'plain.hbs'), layout);
  mkdirSync(join(root, 'briefs'));
  writeFileSync(join(root, 'briefs', 'a.json'), withTopic('Topic A'));
  writeFileSync(join(root, 'briefs', 'b.json'), withTopic('Topic B', ',\n  "layout": "plain"'));
  return root;
}

describe('brief watch', () => {
  let root: string;
  let watching: Watching;
  let lines: string[];
  let builds: { brief: string; result: BuildResult }[];

  const buildsOf = (name: string) => builds.filter((b) => b.brief.endsWith(`${name}.json`));
  const output = (name: string) => readFileSync(join(root, 'output', name));
  const until = (condition: () => boolean, what: string) =>
    waitUntil(
      condition,
      what,
      () => lines,
      () => watching.idle(),
    );

  beforeEach(async () => {
    root = makeProject();
    lines = [];
    builds = [];
    watching = watchBriefs({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) },
      onBuilt: (brief, result) => builds.push({ brief, result }),
    });
    await watching.ready;
  });

  afterEach(async () => {
    await watching.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds every brief first, then rebuilds only the brief that was saved', async () => {
    expect(buildsOf('a')).toHaveLength(1);
    expect(buildsOf('b')).toHaveLength(1);
    const bBefore = output('b.pdf');
    writeFileSync(join(root, 'briefs', 'a.json'), withTopic('Topic A, edited'));
    await until(() => buildsOf('a').length === 2, 'a to be rebuilt');
    expect(buildsOf('b')).toHaveLength(1);
    expect(output('b.pdf').equals(bBefore)).toBe(true);
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Evidence Brief: Topic A, edited');
    expect(lines.some((l) => /briefs\/a\.json changed -> .*a\.json: wrote .*a\.pdf .*, .*a\.docx .* and .*a\.html .* in \d+\.\d s$/.test(l))).toBe(true);
  });

  it('writes the same bytes as brief build (its Word document is made in a second thread)', async () => {
    writeFileSync(join(root, 'briefs', 'a.json'), withTopic('Topic A, again'));
    await until(() => buildsOf('a').length === 2, 'a to be rebuilt');
    const { buildBrief } = await import('../src/pipeline/buildBrief.js');
    const { createBuildContext } = await import('../src/pipeline/buildContext.js');
    const elsewhere = join(root, 'elsewhere');
    const result = await buildBrief(
      { path: join(root, 'briefs', 'a.json'), file: 'a.json' },
      createBuildContext({ outputDir: elsewhere, templatesRoot: join(root, 'templates'), schemaRoot: join(root, 'schema') }),
    );
    expect(result.ok).toBe(true);
    expect(readFileSync(join(elsewhere, 'a.docx')).equals(output('a.docx'))).toBe(true);
    expect(readFileSync(join(elsewhere, 'a.pdf')).equals(output('a.pdf'))).toBe(true);
  });

  it('rebuilds every brief that uses a partial when it is saved, and no other', async () => {
    const partial = join(root, 'templates', 'partials', 'acknowledgement.hbs');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('Please acknowledge this work', 'Kindly acknowledge this work'));
    await until(() => buildsOf('a').length === 2, 'a to be rebuilt');
    expect(buildsOf('b')).toHaveLength(1);
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Kindly acknowledge this work');

    // A partial both layouts use rebuilds both.
    const entry = join(root, 'templates', 'partials', 'entry.hbs');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\n`);
    await until(() => buildsOf('a').length === 3 && buildsOf('b').length === 2, 'both to be rebuilt');
  });

  it('keeps the last good documents through an invalid save, stays alive, and builds the fix', async () => {
    const pdf = output('a.pdf');
    const docx = output('a.docx');
    writeFileSync(join(root, 'briefs', 'a.json'), withTopic('Half typed').slice(0, 300));
    await until(() => buildsOf('a').length === 2, 'the bad save to be tried');
    expect(buildsOf('a')[1]?.result.ok).toBe(false);
    expect(lines.some((l) => l.includes('a.json: not built; the previous output, if any, is unchanged'))).toBe(true);
    expect(lines.some((l) => /a\.json:\d+:\d+ {2}JSON syntax: the file ends too soon/.test(l))).toBe(true);
    expect(output('a.pdf').equals(pdf)).toBe(true);
    expect(output('a.docx').equals(docx)).toBe(true);

    writeFileSync(join(root, 'briefs', 'a.json'), withTopic('Fixed'));
    await until(() => buildsOf('a').length === 3, 'the fix to be built');
    expect(buildsOf('a')[2]?.result.ok).toBe(true);
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Evidence Brief: Fixed');
  });

  it('ends 20 quick saves with documents that match the last one, built only a few times', async () => {
    for (let i = 1; i <= 20; i++) {
      writeFileSync(join(root, 'briefs', 'a.json'), withTopic(`Save ${i}`));
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => buildsOf('a').length >= 2, 'a rebuild');
    // Let any save still in flight arrive and be built.
    await new Promise((r) => setTimeout(r, 300));
    await watching.idle();
    expect(buildsOf('a').length - 1).toBeLessThanOrEqual(6);
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Evidence Brief: Save 20');
    expect(buildsOf('b')).toHaveLength(1);
  });

  it('follows editors that save by renaming a temporary file, or write a file in two chunks', async () => {
    const brief = join(root, 'briefs', 'a.json');
    writeFileSync(join(root, 'briefs', '.a.json.swp'), withTopic('Renamed'));
    renameSync(join(root, 'briefs', '.a.json.swp'), brief);
    await until(() => buildsOf('a').length === 2, 'the renamed save to be built');
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Evidence Brief: Renamed');

    const text = withTopic('Chunked');
    const handle = openSync(brief, 'w');
    writeSync(handle, text.slice(0, 200));
    await new Promise((r) => setTimeout(r, 5));
    writeSync(handle, text.slice(200));
    closeSync(handle);
    await until(() => buildsOf('a').some((b) => b.result.ok && builds.indexOf(b) > 2), 'the chunked save to be built');
    await new Promise((r) => setTimeout(r, 200));
    await watching.idle();
    expect(buildsOf('a').at(-1)?.result.ok).toBe(true);
    expect((await readPdf(join(root, 'output', 'a.pdf'))).pages[0]).toContain('Evidence Brief: Chunked');
  });

  it('builds a new brief, and reports a deleted one without touching its documents', async () => {
    writeFileSync(join(root, 'briefs', 'c.json'), withTopic('Topic C'));
    await until(() => buildsOf('c').length === 1, 'c to be built');
    expect(output('c.pdf').length).toBeGreaterThan(0);
    rmSync(join(root, 'briefs', 'c.json'));
    await until(() => lines.some((l) => l.includes('c.json was deleted')), 'the deletion to be reported');
    expect(output('c.pdf').length).toBeGreaterThan(0);
  });

  it('rebuilds every brief on a theme when the theme is saved', async () => {
    const theme = join(root, 'templates', 'themes', 'hee', 'theme.json');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('"footer": "{{team}}, {{month}}"', '"footer": "{{team}} ({{month}})"'));
    await until(() => buildsOf('a').length === 2 && buildsOf('b').length === 2, 'both to be rebuilt');
    expect((await readPdf(join(root, 'output', 'b.pdf'))).pages[1]).toContain('HEE Knowledge Management Team (January 2021)');
  });
});
