import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { brief2021 } from './helpers/brief2021.js';
import { runBrief } from './helpers/cli.js';
import { all, attr, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';
import { readAnnotationPlaces } from './helpers/pdfObjects.js';

// The 2021 brief as built once for all tests; briefs of this file's own go to `out`.
const pdfPath = brief2021().pdf;
const out = mkdtempSync(join(tmpdir(), 'brief-links-'));

interface Landing {
  title: string;
  page: number;
  left: number;
  top: number;
  /** Baseline of the nearest text below `top` on that page that starts the title, in PDF units; undefined if none does. */
  baseline: number | undefined;
}

/** Every bookmark's destination, and where its heading's text is on that page. */
async function landings(path: string): Promise<Landing[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  type Item = { title: string; dest: unknown; items: Item[] };
  const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.items)]);
  const found: Landing[] = [];
  for (const item of flat(((await doc.getOutline()) ?? []) as Item[])) {
    const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) as [object, { name: string }, number, number, number];
    expect(dest[1].name).toBe('XYZ');
    const page = (await doc.getPageIndex(dest[0] as never)) + 1;
    const text = (await (await doc.getPage(page)).getTextContent()).items as { str: string; transform: number[] }[];
    const start = item.title.slice(0, 12);
    const baselines = text.filter((t) => t.str.length > 0 && (t.str.startsWith(start) || start.startsWith(t.str))).map((t) => t.transform[5] as number);
    const baseline = baselines.filter((b) => b < dest[3]).sort((a, b) => b - a)[0];
    found.push({ title: item.title, page, left: dest[2], top: dest[3], baseline });
  }
  await doc.destroy();
  return found;
}

describe('PDF bookmarks and links land where they say', () => {
  it('each bookmark goes to its heading: its page, the left edge, and the top of the heading line', async () => {
    const all = await landings(pdfPath);
    expect(all.length).toBe(31 + 118 + 1); // contents headings, entry titles, and "Contents"
    for (const landing of all) {
      expect(landing.left, landing.title).toBe(0);
      expect(landing.baseline, `"${landing.title}" is on page ${landing.page}`).toBeDefined();
      // The view's top is the heading's line: its first baseline lies a line's height below it, never above.
      const below = landing.top - (landing.baseline as number);
      expect(below, landing.title).toBeGreaterThan(0);
      expect(below, landing.title).toBeLessThan(22);
    }
  });

  it('ties every link annotation, in the structure tree, to the page the annotation is on', () => {
    const { pageOfAnnotation, references } = readAnnotationPlaces(pdfPath);
    expect(references.length).toBe(pageOfAnnotation.size);
    expect(references.length).toBeGreaterThan(60);
    for (const reference of references) expect(reference.page, `annotation ${reference.annotation}`).toBe(pageOfAnnotation.get(reference.annotation));
  });

  it('links the closing note\'s "self-register here" to NHS OpenAthens', async () => {
    const pdf = await readPdf(pdfPath);
    expect(pdf.links.filter((l) => l.url === 'https://openathens.nhs.uk/').map((l) => l.page)).toEqual([pdf.pages.length]);
  });
});

describe('web addresses typed in text', () => {
  it('become links in both documents, printed as typed; text around them is kept', async () => {
    const brief = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8'));
    brief.$schema = '../../../schema/brief.schema.json';
    brief.sections[0].entries[0].summary = ['See https://www.england.nhs.uk/mental-health/. Ask km@example.org, or //not-a-link and ftp://example.org/file.'];
    const file = join(out, 'addresses.json');
    writeFileSync(file, JSON.stringify(brief));
    expect((await runBrief('build', file, '--output', out)).code).toBe(0);
    const pdf = await readPdf(join(out, 'addresses.pdf'));
    expect(pdf.links.map((l) => l.url).filter((u) => u && !u.startsWith('https://example.org'))).toEqual([
      'https://www.england.nhs.uk/mental-health/',
      'mailto:km@example.org',
    ]);
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    expect(squeeze(pdf.pages.join(' '))).toContain(
      squeeze('See https://www.england.nhs.uk/mental-health/. Ask km@example.org, or //not-a-link and ftp://example.org/file.'),
    );
    const docx = await readDocx(join(out, 'addresses.docx'));
    const targets = [...docx.rels.matchAll(/Target="([^"]+)"\s+TargetMode="External"/g)].map((m) => m[1]);
    expect(targets).toEqual(expect.arrayContaining(['https://www.england.nhs.uk/mental-health/', 'mailto:km@example.org']));
    expect(targets.some((t) => t?.includes('not-a-link') || t?.startsWith('ftp:'))).toBe(false);
    expect(all(docx.document, 'w:hyperlink').filter((h) => attr(h, 'r:id')).length).toBe(3); // the title's link and the two addresses
  });
});
