import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { projectRoot, runBrief } from './helpers/cli.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';

const dir = 'tests/fixtures/hostile';
const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `brief-${name}-`));

/** Bad input: each fixture, and the one message brief gives for it (the broken-brief cases of tests/validate-messages.test.ts cover the rest). */
const badInput: [string, string][] = [
  [
    'duplicate-key',
    '19:11  /sections/0/entries/0/source  "source" is written twice in the same object (first at line 18): JSON would quietly keep only the last; remove one',
  ],
  ['nan', '8:16  JSON syntax: NaN is not a value JSON allows: write a number, text in quotes, true, false or null'],
  ['control-character', '18:25  JSON syntax: a tab inside text in quotes: write it as \\t, or remove it'],
  [
    'enormous-string',
    '21:23  /sections/0/entries/0/summary/0  item 1 of "summary" is 30,000 characters long: at most 20,000 are allowed here (split it, or check for a runaway paste)',
  ],
  ['enormous-array', '13:15  /sections/0/entries  "entries" has 2,500 items: at most 2,000 are allowed here'],
  ['deep-nesting', '21:81  the JSON is nested more than 64 levels deep here: a brief never needs that many; is a bracket left open?'],
  ['whitespace-only', '1:1  the file is empty: a brief is a JSON object, starting with {'],
  [
    'url-file',
    '16:18  /sections/0/entries/0/url  "url" should be a web address starting with https:// or http:// (or a mailto: address), not "file:///etc/passwd"',
  ],
  [
    'link-javascript-in-note',
    '28:14  /closingNote/body/0  in item 1 of "body", the link "the library" goes to "javascript:alert(document.cookie)": links must start with https://, http:// or mailto:',
  ],
];

describe('bad input: a clear message naming the file, the place and the rule', () => {
  it.each(badInput)('%s', async (name, expected) => {
    const file = `${dir}/${name}.json`;
    const result = await runBrief('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([`${file}:${expected}`, `${file}: 1 problem`]);
  });

  it('a folder where a brief should be', async () => {
    const result = await runBrief('validate', `${dir}/folder.json`);
    expect(result.out).toEqual([`${dir}/folder.json  this is a folder, not a brief file`, `${dir}/folder.json: 1 problem`]);
  });

  it('a file far too large to be a brief is refused before it is parsed', async () => {
    const file = join(temp('huge'), 'huge.json');
    writeFileSync(file, `{"series": "${'x'.repeat(4.5 * 1_048_576)}"}`);
    const result = await runBrief('validate', file);
    expect(result.out[0]).toBe(
      `${file}  the file is 4.5 MB: a brief is at most 4 MB, some forty times the January 2021 brief; split it into two briefs (or is this the right file?)`,
    );
  });
});

describe('hostile content is printed as typed, in both documents', () => {
  it('markup and template syntax reach the Word document literally too', async () => {
    const out = temp('hostile-docx');
    expect((await runBrief('build', 'tests/fixtures/valid/hostile-text.json', '--output', out)).code).toBe(0);
    const docx = await readDocx(join(out, 'hostile-text.docx'));
    const text = all(docx.document, 'w:p').map(paragraphText).join('\n');
    for (const literal of [
      'Heading with <h1>tags</h1> and {{> entry}}',
      'Title <b>not bold</b> {{title}}',
      '2020, <script>alert(1)</script>',
      'A paragraph with <em>html</em>, {{#each x}}, &amp; an entity and real bold.',
    ]) {
      expect(text).toContain(literal);
    }
  });
});

describe('characters', () => {
  it('Welsh letters, accents, curly quotes and dashes reach both documents', async () => {
    const out = temp('welsh');
    expect((await runBrief('build', `${dir}/welsh-and-typography.json`, '--output', out)).code).toBe(0);
    const pdf = (await readPdf(join(out, 'welsh-and-typography.pdf'))).pages.join(' ');
    const docx = all((await readDocx(join(out, 'welsh-and-typography.docx'))).document, 'w:p')
      .map(paragraphText)
      .join(' ');
    for (const text of [
      'Dŵr a ŷd: Ŵyn, Ŷd, café, naïve, São Paulo — 2020–2021',
      'Llŷr’s ‘quoted’ «guillemets» – en dash — em dash … ellipsis £5 €6 ½',
      'Gweithwyr Cymorth Cymheiriaid – “peer” support',
    ]) {
      expect(pdf).toContain(text);
      expect(docx).toContain(text);
    }
  });

  it('a character the font cannot draw is named by code point and place, and nothing is built', async () => {
    const out = temp('undrawable');
    const result = await runBrief('build', `${dir}/undrawable.json`, '--output', out);
    expect(result.code).toBe(1);
    expect(result.out.slice(0, 2)).toEqual([
      `${dir}/undrawable.json:21:23  /sections/0/entries/0/summary/0  U+6F22 漢 in /sections/0/entries/0/summary/0 is not in the font Arimo: it would print as an empty box; replace it, or use a theme whose font has it`,
      `${dir}/undrawable.json:21:23  /sections/0/entries/0/summary/0  U+5B57 字 in /sections/0/entries/0/summary/0 is not in the font Arimo: it would print as an empty box; replace it, or use a theme whose font has it`,
    ]);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});

describe('themes and templates that are broken or reach outside the project', () => {
  function project() {
    const root = temp('theme');
    cpSync('templates', join(root, 'templates'), { recursive: true });
    const brief = join(root, 'brief.json');
    writeFileSync(brief, minimal);
    const theme = join(root, 'templates', 'themes', 'hee', 'theme.json');
    const build = () =>
      buildBrief({ path: brief, file: 'brief.json' }, createBuildContext({ outputDir: join(root, 'out'), templatesRoot: join(root, 'templates') }));
    return { root, theme, build };
  }
  const messagesOf = (result: Awaited<ReturnType<ReturnType<typeof project>['build']>>) =>
    result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.column}  ${d.pointer}  ${d.message}`);

  it('refuses asset paths that leave the theme folder: "..", absolute paths and links', async () => {
    const { root, theme, build } = project();
    const original = readFileSync(theme, 'utf8');
    writeFileSync(theme, original.replace('"fonts/Arimo-Regular.ttf"', '"../../../../etc/passwd"').replace('"images/logo.png"', '"/etc/hostname"'));
    expect(messagesOf(await build())).toEqual([
      '21:17  /font/files/normal  "normal" should be a file inside the theme folder, written relative to it (e.g. "fonts/Arimo-Regular.ttf"), with no ".." and not starting with /, not "../../../../etc/passwd"',
      '30:13  /logo/file  "file" should be a file inside the theme folder, written relative to it (e.g. "fonts/Arimo-Regular.ttf"), with no ".." and not starting with /, not "/etc/hostname"',
    ]);
    symlinkSync('/etc/hostname', join(root, 'templates', 'themes', 'hee', 'images', 'elsewhere.png'));
    writeFileSync(theme, original.replace('"images/logo.png"', '"images/elsewhere.png"'));
    expect(messagesOf(await build())).toEqual([
      expect.stringMatching(
        /^30:13 {2}\/logo\/file {2}"images\/elsewhere\.png" leads outside the theme folder: keep theme files inside .*templates\/themes\/hee\/$/,
      ),
    ]);
  });

  it('names a broken theme file, font or logo', async () => {
    const { root, theme, build } = project();
    const original = readFileSync(theme, 'utf8');
    writeFileSync(theme, original.replace('"A4",', '"A4"'));
    expect(messagesOf(await build())).toEqual(['6:5    JSON syntax: a comma is missing before this']);
    writeFileSync(theme, original);
    writeFileSync(join(root, 'templates', 'themes', 'hee', 'fonts', 'Arimo-Bold.ttf'), 'not a font');
    writeFileSync(join(root, 'templates', 'themes', 'hee', 'images', 'logo.png'), 'not an image');
    const messages = messagesOf(await build());
    expect(messages).toEqual([
      '22:15  /font/files/bold  the bold font fonts/Arimo-Bold.ttf is not a font brief can read (TrueType or OpenType): it does not begin as a TrueType or OpenType font does',
      '30:13  /logo/file  the logo images/logo.png is not a PNG image brief can read: it does not begin as a PNG file does',
    ]);
    rmSync(join(root, 'templates', 'themes', 'hee', 'fonts', 'Arimo-Italic.ttf'));
    expect(messagesOf(await build())).toContainEqual('23:18  /font/files/italics  "fonts/Arimo-Italic.ttf" cannot be used: no such file');
  });

  it('lets pdfmake read nothing from the disk or the network', async () => {
    const { build } = project();
    expect((await build()).ok).toBe(true);
    const pdfmake = (await import('pdfmake')).default as unknown as { urlAccessPolicy: (u: string) => boolean; localAccessPolicy: (p: string) => boolean };
    expect(pdfmake.urlAccessPolicy('https://example.org/logo.png')).toBe(false);
    expect(pdfmake.localAccessPolicy('/etc/passwd')).toBe(false);
    expect(pdfmake.localAccessPolicy('Helvetica')).toBe(false);
  });
});

describe('faults while writing', () => {
  it('a folder in the PDF’s place: each document is named, none is replaced, and the old .docx and .html are byte-identical', async () => {
    const out = temp('unwritable');
    expect((await runBrief('build', 'tests/fixtures/valid/minimal.json', '--output', out)).code).toBe(0);
    const docx = readFileSync(join(out, 'minimal.docx'));
    const html = readFileSync(join(out, 'minimal.html'));
    rmSync(join(out, 'minimal.pdf'));
    mkdirSync(join(out, 'minimal.pdf'));
    const result = await runBrief('build', 'tests/fixtures/valid/minimal.json', '--output', out, '--force');
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(/minimal\.pdf {2}cannot be written: there is a folder of that name in its place; the folder is left as it is$/);
    expect(result.out[1]).toMatch(/minimal\.docx {2}not replaced either, as minimal\.pdf could not be: the previous file is unchanged$/);
    expect(result.out[2]).toMatch(/minimal\.html {2}not replaced either, as minimal\.pdf could not be: the previous file is unchanged$/);
    expect(result.out[3]).toMatch(/minimal\.json: not built; the previous output, if any, is unchanged$/);
    expect(readFileSync(join(out, 'minimal.docx')).equals(docx)).toBe(true);
    expect(readFileSync(join(out, 'minimal.html')).equals(html)).toBe(true);
    expect(readdirSync(join(out, 'minimal.pdf'))).toEqual([]);
  });

  it('a symbolic link in output/ is replaced by a regular file, and the file it pointed at is untouched', async () => {
    const out = temp('linked');
    const elsewhere = temp('elsewhere');
    writeFileSync(join(elsewhere, 'important.pdf'), 'someone else’s file');
    symlinkSync(join(elsewhere, 'important.pdf'), join(out, 'minimal.pdf'));
    const result = await runBrief('build', 'tests/fixtures/valid/minimal.json', '--output', out);
    expect(result.code).toBe(0);
    expect(lstatSync(join(out, 'minimal.pdf')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'minimal.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(elsewhere, 'important.pdf'), 'utf8')).toBe('someone else’s file');
  });

  it('a build killed at any moment leaves whole documents, and the next run leaves no stray temporary file', async () => {
    const root = temp('killed');
    mkdirSync(join(root, 'briefs'));
    cpSync('briefs/peer-support-workers-2021-01.json', join(root, 'briefs', 'brief.json'));
    const whole = () => {
      for (const name of readdirSync(join(root, 'output')).filter((n) => /\.(pdf|docx)$/.test(n))) {
        const bytes = readFileSync(join(root, 'output', name));
        if (name.endsWith('.pdf')) expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
        else expect(bytes.subarray(0, 2).toString('latin1') + bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe('PKtrue');
      }
    };
    for (const delay of [150, 500, 900, 1200, 1500]) {
      const child = spawn(process.execPath, [`${projectRoot}bin/brief.js`, 'build', '--force'], { cwd: root, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      mkdirSync(join(root, 'output'), { recursive: true });
      whole();
    }
    writeFileSync(join(root, 'output', 'brief.pdf.123456789'), 'half a file'); // as a killed write leaves it
    const result = await runBrief('build', join(root, 'briefs'), '--output', join(root, 'output'), '--force');
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toContain('removed');
    expect(readdirSync(join(root, 'output')).filter((n) => /\.\d+$/.test(n))).toEqual([]);
    whole();
  });
});
