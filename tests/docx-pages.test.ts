import fc from 'fast-check';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefArbitrary } from './helpers/briefArbitraries.js';
import { runBrief } from './helpers/cli.js';
import { all, attr, pageReferences, paragraphText, readDocx, styleOf } from './helpers/docx.js';
import { convertAllWithLibreOffice } from './helpers/libreoffice.js';
import { readPdf, type OutlineEntry } from './helpers/pdf.js';

/**
 * The numbers a .docx shows on opening (its contents page's PAGEREF results and the footer's
 * NUMPAGES, written from the PDF's layout) are the pages its own layout gives, on briefs made
 * at random: LibreOffice lays each out, and its PDF's bookmarks (made from the headings) say
 * where each heading landed. Briefs of 3-30 pages, rendered in one LibreOffice run.
 * BRIEF_DOCX_PAGES_RUNS asks for more briefs (default 14), BRIEF_DOCX_PAGES_SEED for others.
 * Without the Word writer's page breaks (pageBreaks.ts) it fails on four of its briefs.
 */
const RUNS = Number(process.env.BRIEF_DOCX_PAGES_RUNS ?? 14);
const SEED = Number(process.env.BRIEF_DOCX_PAGES_SEED ?? 20261129);

const flatten = (o: OutlineEntry[]): OutlineEntry[] => o.flatMap((b) => [b, ...flatten(b.children)]);
/** A title as both documents give it: no zero-width spaces or soft hyphens, white space as one space. */
const title = (text: string) =>
  text
    .replace(/[\u200b\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Checked {
  name: string;
  pdfPages: number;
  wordPages: number;
  numPages: number;
  /** Each contents line: its heading, the number the .docx carries, LibreOffice's page for the heading. */
  lines: { heading: string; carried: number; placed: number | undefined }[];
}

describe('the Word document as LibreOffice lays out briefs made at random', () => {
  const checked: Checked[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-docx-pages-'));
    const built: { name: string; pdf: string; docx: string }[] = [];
    for (const [i, brief] of fc.sample(briefArbitrary, { seed: SEED, numRuns: RUNS }).entries()) {
      writeFileSync(join(dir, `random-${i}.json`), JSON.stringify({ $schema: join(process.cwd(), 'schema/brief.schema.json'), ...brief }));
    }
    // One batch build, as `brief build` of a folder does: a brief it refuses is the property test's concern.
    await runBrief('build', dir, '--output', join(dir, 'out'));
    for (let i = 0; i < RUNS; i++) {
      const name = `random-${i}`;
      if (!existsSync(join(dir, 'out', `${name}.docx`))) continue;
      built.push({ name, pdf: join(dir, 'out', `${name}.pdf`), docx: join(dir, 'out', `${name}.docx`) });
    }
    const rendered = convertAllWithLibreOffice(built.map((b) => b.docx));
    for (const [i, { name, pdf, docx }] of built.entries()) {
      const word = await readPdf(rendered[i] as string);
      const pdfPages = (await readPdf(pdf)).pages.length;
      if (pdfPages < 3 || pdfPages > 30) continue;
      const read = await readDocx(docx);
      const numPages = all(
        read.parts.filter((p) => /^word\/footer\d*\.xml$/.test(p)).flatMap((p) => read.part(p)),
        'w:fldSimple',
      )
        .filter((f) => /NUMPAGES/.test(attr(f, 'w:instr') ?? ''))
        .map((f) => Number(paragraphText(f)));
      // LibreOffice's bookmarks in reading order; each contents line is matched to the next with its title.
      const placed = flatten(word.outline).map((b) => ({ title: title(b.title), page: b.page }));
      let from = 0;
      const lines = all(read.document, 'w:p')
        .filter((p) => ['TOC1', 'TOC2'].includes(styleOf(p) ?? ''))
        .map((p) => {
          const [reference] = pageReferences(p);
          const text = paragraphText(p);
          const heading = title(text.slice(0, text.length - (reference?.result.length ?? 0)));
          const at = placed.findIndex((b, j) => j >= from && b.title === heading);
          if (at >= 0) from = at + 1;
          return { heading, carried: Number(reference?.result), placed: placed[at]?.page };
        });
      checked.push({ name, pdfPages, wordPages: word.pages.length, numPages: numPages[0] ?? NaN, lines });
    }
  }, 300_000);

  it('renders at least 10 briefs of 3 to 30 pages', () => {
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it('shows on every contents line the page where LibreOffice puts that heading', () => {
    const wrong = checked.flatMap((c) =>
      c.lines.filter((l) => l.carried !== l.placed).map((l) => `${c.name}: "${l.heading}" carries ${l.carried}, LibreOffice puts it on ${l.placed}`),
    );
    expect(wrong).toEqual([]);
    expect(checked.reduce((n, c) => n + c.lines.length, 0)).toBeGreaterThan(checked.length);
  });

  it('has as many pages in LibreOffice as its footer says, and as the PDF has', () => {
    expect(checked.map((c) => [c.name, c.wordPages, c.numPages])).toEqual(checked.map((c) => [c.name, c.pdfPages, c.pdfPages]));
  });
});
