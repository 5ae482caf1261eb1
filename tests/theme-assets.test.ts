import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { loadTheme } from '../src/theme/loadTheme.js';
import { compileSchema } from '../src/validate/schemaValidator.js';

const validator = compileSchema('schema/theme.schema.json');
const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const shippedLogo = readFileSync('templates/themes/hee/images/logo.png');

/** A project folder with a copy of the shipped templates, whose theme each test damages. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'brief-theme-assets-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  const theme = join(root, 'templates', 'themes', 'hee');
  const load = async () => {
    const result = await loadTheme(join(root, 'templates'), 'hee', validator, root);
    return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
  };
  return { root, theme, load };
}

const at = {
  bold: 'templates/themes/hee/theme.json:22:15  /font/files/bold  the bold font fonts/Arimo-Bold.ttf is not a font brief can read (TrueType or OpenType): ',
  logo: 'templates/themes/hee/theme.json:30:13  /logo/file  the logo images/logo.png ',
};

/** One PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A whole, valid PNG of any size, cheaply: one bit a pixel, all black, which deflates to almost nothing. */
function blackPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, standard filters, not interlaced
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // each row: filter 0, then its bits
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('theme fonts and logo are checked in full when the theme loads', () => {
  it('loads the shipped theme', async () => {
    expect(await project().load()).toEqual([]);
  });

  it('refuses a truncated TrueType font, naming the table where it was cut', async () => {
    const { theme, load } = project();
    const font = join(theme, 'fonts', 'Arimo-Bold.ttf');
    writeFileSync(font, readFileSync(font).subarray(0, 300_000));
    expect(await load()).toEqual([
      `${at.bold}the file ends too soon, after 300,000 bytes, inside its glyf table, which runs to byte 408,544 (was it copied or downloaded only in part?)`,
    ]);
  });

  it('refuses a truncated font cut inside its table of contents', async () => {
    const { theme, load } = project();
    const font = join(theme, 'fonts', 'Arimo-Bold.ttf');
    writeFileSync(font, readFileSync(font).subarray(0, 100));
    expect(await load()).toEqual([
      `${at.bold}the file ends too soon, after 100 bytes, inside its table of contents (was it copied or downloaded only in part?)`,
    ]);
  });

  it('refuses a font file that is not a font', async () => {
    const { theme, load } = project();
    writeFileSync(join(theme, 'fonts', 'Arimo-Bold.ttf'), 'This is not a font.\n');
    expect(await load()).toEqual([`${at.bold}it does not begin as a TrueType or OpenType font does`]);
  });

  it('refuses a truncated PNG', async () => {
    const { theme, load } = project();
    writeFileSync(join(theme, 'images', 'logo.png'), shippedLogo.subarray(0, 10_000));
    expect(await load()).toEqual([
      `${at.logo}is not a PNG image brief can read: the file ends too soon, after 10,000 bytes (was it copied or downloaded only in part?)`,
    ]);
  });

  it('refuses a PNG whose header is whole but whose picture data is damaged, even with its checksums made right', async () => {
    const { theme, load } = project();
    const damaged = Buffer.from(shippedLogo);
    const type = damaged.indexOf('IDAT');
    const length = damaged.readUInt32BE(type - 4);
    for (let i = type + 4 + 10; i < type + 4 + 60; i++) damaged.writeUInt8(damaged.readUInt8(i) ^ 0x55, i);
    damaged.writeUInt32BE(crc32(damaged.subarray(type, type + 4 + length)) >>> 0, type + 4 + length);
    writeFileSync(join(theme, 'images', 'logo.png'), damaged);
    expect(await load()).toEqual([`${at.logo}is not a PNG image brief can read: its picture data is damaged (invalid code lengths set)`]);
    // Left with the checksum that no longer matches, the damage is found by the checksum.
    for (let i = type + 4 + 10; i < type + 4 + 60; i++) damaged.writeUInt8(damaged.readUInt8(i) ^ 0x0f, i);
    writeFileSync(join(theme, 'images', 'logo.png'), damaged);
    expect(await load()).toEqual([`${at.logo}is not a PNG image brief can read: it is damaged: a part of it does not match its checksum`]);
  });

  it('refuses a JPEG named .png, and takes it named .jpg', async () => {
    const { theme, load } = project();
    const photo = jpeg.encode({ width: 16, height: 16, data: Buffer.alloc(16 * 16 * 4, 128) }, 90).data;
    writeFileSync(join(theme, 'images', 'logo.png'), photo);
    expect(await load()).toEqual([`${at.logo}is not a PNG image brief can read: it holds a JPEG image: name the file .jpg (here and in theme.json)`]);
    writeFileSync(join(theme, 'images', 'logo.jpg'), photo);
    const settings = join(theme, 'theme.json');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('"images/logo.png"', '"images/logo.jpg"'));
    expect(await load()).toEqual([]);
  });

  it('refuses a PNG over 4,000 pixels a side, from its header, and takes one of exactly 4,000', async () => {
    const { theme, load } = project();
    writeFileSync(join(theme, 'images', 'logo.png'), blackPng(5000, 5000));
    expect(await load()).toEqual([
      `${at.logo}is too large: it is 5,000 × 5,000 pixels: at most 4,000 a side, which is 720 dots an inch across the widest logo a theme can print (400 pt); make it smaller`,
    ]);
    writeFileSync(join(theme, 'images', 'logo.png'), blackPng(10, 4001));
    expect((await load())[0]).toMatch(/is too large: it is 10 × 4,001 pixels/);
    writeFileSync(join(theme, 'images', 'logo.png'), blackPng(4000, 10));
    expect(await load()).toEqual([]);
  });

  it('names every broken file at once', async () => {
    const { theme, load } = project();
    writeFileSync(join(theme, 'fonts', 'Arimo-Bold.ttf'), 'This is not a font.\n');
    writeFileSync(join(theme, 'images', 'logo.png'), shippedLogo.subarray(0, 10_000));
    expect((await load()).map((line) => line.split('  ')[1])).toEqual(['/font/files/bold', '/logo/file']);
  });

  it('builds no brief with a broken theme: each brief names the theme file, and nothing is written', async () => {
    const { root, theme } = project();
    writeFileSync(join(theme, 'images', 'logo.png'), shippedLogo.subarray(0, 10_000));
    mkdirSync(join(root, 'briefs'));
    writeFileSync(join(root, 'briefs', 'one.json'), minimal);
    writeFileSync(join(root, 'briefs', 'two.json'), minimal);
    const lines: string[] = [];
    const files = ['one', 'two'].map((name) => ({ path: join(root, 'briefs', `${name}.json`), file: `briefs/${name}.json` }));
    const cwd = process.cwd();
    process.chdir(root); // files are shown relative to where the command runs
    try {
      const report = await batchBuild(
        files,
        { outputDir: join(root, 'output'), concurrency: 1, templatesRoot: join(root, 'templates'), command: 'test' },
        { info: (l) => lines.push(l), error: (l) => lines.push(l) },
      );
      expect(report.summary).toEqual({ built: 0, skipped: 0, failed: 2 });
    } finally {
      process.chdir(cwd);
    }
    const message = `${at.logo}is not a PNG image brief can read: the file ends too soon, after 10,000 bytes (was it copied or downloaded only in part?)`;
    expect(lines.filter((l) => l === message)).toHaveLength(2);
    expect(readdirSync(join(root, 'output')).filter((name) => /\.(pdf|docx)$/.test(name))).toEqual([]);
  });

  it('a build refused for a broken logo depends on the logo, so that `brief watch` builds again when it is repaired', async () => {
    const { root, theme } = project();
    const logo = join(theme, 'images', 'logo.png');
    writeFileSync(logo, shippedLogo.subarray(0, 10_000));
    writeFileSync(join(root, 'brief.json'), minimal);
    const context = createBuildContext({ outputDir: join(root, 'output'), templatesRoot: join(root, 'templates'), durable: false });
    const refused = await buildBrief({ path: join(root, 'brief.json'), file: 'brief.json' }, context);
    expect(refused.ok).toBe(false);
    expect(refused.dependencies).toContain(logo);
    expect(refused.dependencies).toContain(join(theme, 'fonts', 'Arimo-Bold.ttf'));
    // A theme that failed is not kept: the next build reads the repaired logo.
    writeFileSync(logo, shippedLogo);
    expect((await buildBrief({ path: join(root, 'brief.json'), file: 'brief.json' }, context)).ok).toBe(true);
  });
});
