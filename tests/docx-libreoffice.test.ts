import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefContents } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { convertWithLibreOffice } from './helpers/libreoffice.js';
import { readPdf, type OutlineEntry, type PdfReadBack } from './helpers/pdf.js';

const briefFile = 'briefs/peer-support-workers-2021-01.json';
const brief = JSON.parse(readFileSync(briefFile, 'utf8')) as Brief;
const flatten = (o: OutlineEntry[]): OutlineEntry[] => o.flatMap((b) => [b, ...flatten(b.children)]);

/** "Heading.......12" lines of a contents page, in the order of the headings. */
function contentsNumbers(contentsPage: string, headings: string[]): number[] {
  let rest = contentsPage;
  return headings.map((heading) => {
    const at = rest.indexOf(heading);
    expect(at, `contents line for "${heading}"`).toBeGreaterThanOrEqual(0);
    rest = rest.slice(at + heading.length);
    const match = /^[ .]*(\d+)/.exec(rest);
    expect(match, `number after "${heading}"`).not.toBeNull();
    return Number((match as RegExpExecArray)[1]);
  });
}

describe('the Word document as LibreOffice lays it out', () => {
  let word: PdfReadBack;
  let pdf: PdfReadBack;
  const headings = briefContents(brief).map((h) => h.text);

  beforeAll(async () => {
    word = await readPdf(convertWithLibreOffice(brief2021().docx));
    pdf = await readPdf(brief2021().pdf);
  }, 180_000);

  // The contents page as LibreOffice shows it: the numbers the file carries (the PDF's pages,
  // tests/build-docx.test.ts), which must be where LibreOffice puts each heading.
  it('shows on its contents page, for every heading, the page where it puts that heading', () => {
    const numbers = contentsNumbers(word.pages[1] as string, headings);
    const placed = new Map(flatten(word.outline).map((b) => [b.title, b.page]));
    headings.forEach((heading, i) => {
      expect(placed.get(heading), `LibreOffice's page for "${heading}"`).toBe(numbers[i]);
      expect(word.pages[(numbers[i] as number) - 1]).toContain(heading);
    });
  });

  it('puts every heading on the same page as the PDF does, so the numbers written into the file are right', () => {
    const inWord = new Map(flatten(word.outline).map((b) => [b.title, b.page]));
    const inPdf = new Map(flatten(pdf.outline).map((b) => [b.title, b.page]));
    const contentsDiffer = headings.filter((h) => inWord.get(h) !== inPdf.get(h));
    expect(contentsDiffer).toEqual([]);
    expect(word.pages.length).toBe(pdf.pages.length);
    // Every heading, entry titles too (149), in order: the Word document breaks its pages where the PDF does.
    const all = (read: PdfReadBack) =>
      flatten(read.outline)
        .filter((b) => b.title !== 'Contents')
        .map((b) => `${b.page} ${b.title.replace(/[\u200b\u00ad]/g, '')}`);
    expect(all(word)).toHaveLength(149);
    expect(all(word)).toEqual(all(pdf));
  });
});
