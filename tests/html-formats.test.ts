import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MANIFEST_NAME } from '../src/batch/manifest.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { parseFormats } from '../src/pipeline/formats.js';
import { watchBriefs } from '../src/watch/watchBriefs.js';
import { runBrief } from './helpers/cli.js';

// The page's rename into place fails when asked (it is renamed last, after the PDF and .docx).
const faults = vi.hoisted(() => ({ renameFailsFor: undefined as RegExp | undefined }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const rename: typeof fs.rename = async (from, to) => {
    if (faults.renameFailsFor?.test(String(to)))
      throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: 'EPERM' });
    return fs.rename(from, to);
  };
  return { ...fs, rename, default: { ...fs, rename } };
});

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');

/** A folder with briefs/x.json and an empty output/. */
function project(): { root: string; brief: string; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'brief-formats-'));
  mkdirSync(join(root, 'briefs'));
  mkdirSync(join(root, 'output'));
  writeFileSync(join(root, 'briefs', 'x.json'), minimal);
  return { root, brief: join(root, 'briefs', 'x.json'), output: join(root, 'output') };
}
const documents = (folder: string) =>
  readdirSync(folder)
    .filter((n) => !n.startsWith('.'))
    .sort();
const wrote = (lines: string[]) =>
  lines
    .find((l) => l.includes(': wrote '))
    ?.replace(/^.*: wrote /, '')
    .replace(/ in \d+\.\d s$/, '');

describe('formats', () => {
  afterEach(() => {
    faults.renameFailsFor = undefined;
  });

  it('--format pdf writes no page; a later build without it adds the .docx and the page, and then skips', async () => {
    const { brief, output } = project();
    const first = await runBrief('build', brief, '--output', output, '--format', 'pdf');
    expect(first.code).toBe(0);
    expect(documents(output)).toEqual(['x.pdf']);
    expect(wrote(first.out)).toMatch(/^\S*output\/x\.pdf \(3 pages, \d+ KB\)$/);
    const manifest = () =>
      Object.values(JSON.parse(readFileSync(join(output, MANIFEST_NAME), 'utf8')).briefs)[0] as { outputs: { format: string }[]; formatsBy: string };
    expect([manifest().outputs.map((o) => o.format), manifest().formatsBy]).toEqual([['pdf'], 'option']);

    // The same --format again: unchanged, skipped.
    const again = await runBrief('build', brief, '--output', output, '--format', 'pdf');
    expect(again.out.at(-1)).toMatch(/^1 brief: 0 built, 1 unchanged \(skipped\), 0 failed/);

    const full = await runBrief('build', brief, '--output', output);
    expect(full.code).toBe(0);
    expect(documents(output)).toEqual(['x.docx', 'x.html', 'x.pdf']);
    expect(wrote(full.out)).toMatch(/^\S*output\/x\.pdf \(3 pages, \d+ KB\), \S*output\/x\.docx \(\d+ KB\) and \S*output\/x\.html \(\d+ KB\)$/);
    expect([manifest().outputs.map((o) => o.format), manifest().formatsBy]).toEqual([['pdf', 'docx', 'html'], 'theme']);

    const skipped = await runBrief('build', brief, '--output', output);
    expect(skipped.out.at(-1)).toMatch(/^1 brief: 0 built, 1 unchanged \(skipped\), 0 failed/);
    // Naming exactly the formats written is up to date too.
    const named = await runBrief('build', brief, '--output', output, '--format', 'html,pdf,docx');
    expect(named.out.at(-1)).toMatch(/^1 brief: 0 built, 1 unchanged \(skipped\), 0 failed/);
  }, 120_000);

  it('--format html makes the page alone, with no PDF laid out and no links to one', async () => {
    const { brief, output } = project();
    const run = await runBrief('build', brief, '--output', output, '--format', 'html');
    expect(run.code).toBe(0);
    expect(documents(output)).toEqual(['x.html']);
    expect(wrote(run.out)).toMatch(/^\S*output\/x\.html \(\d+ KB\)$/);
    expect(readFileSync(join(output, 'x.html'), 'utf8')).not.toContain('<p class="brief-downloads">');
  }, 60_000);

  it("the theme's formats choose, and --format wins over them", async () => {
    const { root, brief } = project();
    const templates = join(root, 'templates');
    cpSync('templates', templates, { recursive: true });
    const themeFile = join(templates, 'themes', 'hee', 'theme.json');
    writeFileSync(themeFile, readFileSync(themeFile, 'utf8').replace('"header":', '"formats": ["html", "docx"],\n  "header":'));
    const context = createBuildContext({ outputDir: join(root, 'by-theme'), templatesRoot: templates });
    const byTheme = await buildBrief({ path: brief, file: brief }, context);
    expect(byTheme.ok && byTheme.outputs.map((o) => [o.format, o.pages])).toEqual([
      ['docx', 3],
      ['html', undefined],
    ]);
    expect(documents(join(root, 'by-theme'))).toEqual(['x.docx', 'x.html']);
    // The page links only to what was made with it.
    expect(readFileSync(join(root, 'by-theme', 'x.html'), 'utf8')).toMatch(
      /Download this brief as a <a href="x\.docx" type="[^"]+">Word document, \d+ KB<\/a><\/p>/,
    );

    const byOption = await buildBrief({ path: brief, file: brief }, { ...context, outputDir: join(root, 'by-option') }, { formats: ['pdf'] });
    expect(byOption.ok && byOption.outputs.map((o) => o.format)).toEqual(['pdf']);

    writeFileSync(themeFile, readFileSync(themeFile, 'utf8').replace('"formats": ["html", "docx"]', '"formats": ["html", "epub"]'));
    const refused = await buildBrief({ path: brief, file: brief }, createBuildContext({ outputDir: join(root, 'refused'), templatesRoot: templates }));
    expect(refused.ok ? [] : refused.diagnostics.map((d) => d.message)).toEqual(['item 2 of "formats" should be "pdf", "docx" or "html", not "epub"']);
  }, 60_000);

  it('a brief whose page cannot be written leaves its previous documents exactly as they were', async () => {
    const { brief, output } = project();
    // In this thread, where the rename fails (a build worker would not see the mock).
    const context = createBuildContext({ outputDir: output });
    expect((await buildBrief({ path: brief, file: 'x.json' }, context)).ok).toBe(true);
    const before = documents(output).map((n) => readFileSync(join(output, n)));
    writeFileSync(brief, minimal.replace('A report', 'A new report'));
    faults.renameFailsFor = /x\.html$/;
    const failed = await buildBrief({ path: brief, file: 'x.json' }, context);
    expect(failed.ok ? [] : failed.diagnostics.map((d) => `${d.file.replace(/^.*\//, '')}  ${d.message}`)).toEqual([
      'x.pdf  was replaced, then put back as it was, as x.html could not be replaced: the previous file is unchanged',
      'x.docx  was replaced, then put back as it was, as x.html could not be replaced: the previous file is unchanged',
      'x.html  cannot be written: permission denied (or the file is locked against changes); the previous file is unchanged',
    ]);
    expect(documents(output).map((n) => readFileSync(join(output, n)))).toEqual(before);
    expect(documents(output)).toEqual(['x.docx', 'x.html', 'x.pdf']);
  }, 60_000);

  it('brief watch --format makes only those documents, and names them on its line', async () => {
    const { root, output } = project();
    const lines: string[] = [];
    const watching = watchBriefs({
      briefsDir: join(root, 'briefs'),
      templatesRoot: 'templates',
      schemaRoot: 'schema',
      outputDir: output,
      formats: ['pdf', 'html'],
      out: { info: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) },
    });
    try {
      await watching.ready;
    } finally {
      await watching.close();
    }
    expect(documents(output)).toEqual(['x.html', 'x.pdf']);
    expect(wrote(lines)).toMatch(/^\S*output\/x\.pdf \(3 pages, \d+ KB\) and \S*output\/x\.html \(\d+ KB\)$/);
  }, 60_000);

  it('--format takes the formats in any order and case, and refuses others by name', async () => {
    expect(parseFormats('HTML, pdf')).toEqual({ ok: true, formats: ['pdf', 'html'] });
    expect(parseFormats('pdf,epub')).toEqual({ ok: false, message: 'unknown format "epub": the formats are pdf, docx, html' });
    const { brief, output } = project();
    const run = await runBrief('build', brief, '--output', output, '--format', 'pdf,epub');
    expect([run.code, run.err[0]]).toEqual([
      2,
      `brief: option '--format <formats>' argument 'pdf,epub' is invalid. unknown format "epub": the formats are pdf, docx, html`,
    ]);
    expect(documents(output)).toEqual([]);
  });
});
