import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { runBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');

/** The documents in a folder (not brief's own hidden files: its manifest and lock). */
function documentsIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'brief-fail-'));
}

describe('a build that fails keeps the last good outputs', () => {
  it('reports an invalid brief like validate does, exits 1, and leaves the previous PDF and DOCX whole', async () => {
    const dir = tempFolder();
    const out = join(dir, 'out');
    const brief = join(dir, 'my-brief.json');
    writeFileSync(brief, minimal);
    expect((await runBrief('build', brief, '--output', out)).code).toBe(0);
    const before = readFileSync(join(out, 'my-brief.pdf'));
    const beforeDocx = readFileSync(join(out, 'my-brief.docx'));

    writeFileSync(brief, minimal.replace('"date": "March 2020"', '"date": "Mar 2020"'));
    const failed = await runBrief('build', brief, '--output', out);
    expect(failed.code).toBe(1);
    expect(failed.out[0]).toMatch(/my-brief\.json:17:19 {2}\/sections\/0\/entries\/0\/date {2}"date" should be a year/);
    expect(failed.out.at(-2)).toMatch(/my-brief\.json: not built; the previous output, if any, is unchanged$/);
    expect(readFileSync(join(out, 'my-brief.pdf')).equals(before)).toBe(true);
    expect(readFileSync(join(out, 'my-brief.docx')).equals(beforeDocx)).toBe(true);
    expect(documentsIn(out)).toEqual(['my-brief.docx', 'my-brief.html', 'my-brief.pdf']);
  });

  it('builds the good briefs of a folder and names the bad one', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'a-good.json'), minimal);
    writeFileSync(join(dir, 'b-bad.json'), '{ "series": ');
    const result = await runBrief('build', dir, '--output', join(dir, 'out'));
    expect(result.code).toBe(1);
    expect(result.out.join('\n')).toMatch(/b-bad\.json:1:12 {2}JSON syntax: the file ends too soon/);
    expect(result.out.at(-1)).toMatch(/^2 briefs: 1 built, 0 unchanged \(skipped\), 1 failed, in \d+\.\d s$/);
    expect(documentsIn(join(dir, 'out'))).toEqual(['a-good.docx', 'a-good.html', 'a-good.pdf']);
  });

  it('names a theme or layout that does not exist', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'theme.json'), minimal.replace('"series"', '"theme": "nhs-purple",\n  "series"'));
    writeFileSync(join(dir, 'layout.json'), minimal.replace('"series"', '"layout": "poster",\n  "series"'));
    const theme = await runBrief('build', join(dir, 'theme.json'), '--output', dir);
    expect(theme.code).toBe(1);
    expect(theme.out[0]).toMatch(/templates\/themes\/nhs-purple\/theme\.json {2}there is no theme "nhs-purple"/);
    const layout = await runBrief('build', join(dir, 'layout.json'), '--output', dir);
    expect(layout.out[0]).toBe('templates/layouts/poster.hbs  there is no layout "poster": no such file');
  });
});

describe('template mistakes are named by file and line', () => {
  /** A copy of templates/ with one partial replaced, and a context that uses it. */
  function withPartial(name: string, source: string) {
    const root = tempFolder();
    cpSync('templates', root, { recursive: true });
    writeFileSync(join(root, 'partials', `${name}.hbs`), source);
    const context = createBuildContext({ outputDir: join(root, 'out'), templatesRoot: root });
    const brief = join(root, 'brief.json');
    writeFileSync(brief, minimal);
    return { root, context, file: { path: brief, file: 'brief.json' } };
  }

  it('a field the data does not have', async () => {
    const { root, context, file } = withPartial('entry', '<h3 id="{{id}}">{{title}}</h3>\n<p class="source">{{publisher}}</p>\n');
    const result = await buildBrief(file, context);
    expect(result.dependencies).toContain(join(root, 'partials', 'entry.hbs'));
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [
        {
          file: join(root, 'partials', 'entry.hbs'),
          line: 2,
          column: 21,
          pointer: '',
          message: 'the template uses {{publisher}}, which is not a field here (a typo, or a field of another part of the brief?)',
        },
      ],
    });
    expect(readdirSync(root)).not.toContain('out');
  });

  it('a partial that does not exist', async () => {
    const { root, context, file } = withPartial('entry', '<h3 id="{{id}}">{{title}}</h3>\n\n{{> summary-box}}\n');
    const result = await buildBrief(file, context);
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [
        {
          file: join(root, 'partials', 'entry.hbs'),
          line: 3,
          message: 'the template includes the partial "summary-box", but there is no templates/partials/summary-box.hbs',
        },
      ],
    });
  });

  it('a block left open', async () => {
    const { root, context, file } = withPartial('entry', '<h3 id="{{id}}">{{title}}</h3>\n{{#if url}}\n<p>link</p>\n');
    const result = await buildBrief(file, context);
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [
        { file: join(root, 'partials', 'entry.hbs'), line: 2, column: 1, message: 'the block {{#if}} is never closed: add {{/if}} where it should end' },
      ],
    });
  });

  it('markup that brief cannot print', async () => {
    const { context, file } = withPartial('entry', '<h3 id="{{id}}">{{title}}</h3>\n<table><tr><td>x</td></tr></table>\n');
    const result = await buildBrief(file, context);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ message: expect.stringContaining('<table> is not a block brief knows') }] });
  });
});
