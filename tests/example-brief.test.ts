import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefDate } from '../src/brief/dates.js';
import { allEntries, briefContents } from '../src/brief/stats.js';
import type { Brief, BriefBlock } from '../src/brief/types.js';
import { runBrief } from './helpers/cli.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { type OutlineEntry, readPdf } from './helpers/pdf.js';

/**
 * The second example brief (issue 17, item 5): "Nurse Retention", November 2026, every reference
 * checked against a public page (docs/example-brief-sources.md). Built once; both documents read back.
 */
const file = 'briefs/nurse-retention-2026-11.json';
const brief = JSON.parse(readFileSync(file, 'utf8')) as Brief;
const squeeze = (text: string) => text.replace(/\s+/g, '');
const running = 'Evidence Brief: Nurse Retention Example Knowledge Management Team, November 2026';
/** Rich text as printed: the markup's asterisks and backslashes are not. */
const printed = (text: string) => text.replace(/\\(.)/g, '$1').replace(/(?<!\\)\*/g, '');

/** Every entry's DOI, in the order of the brief, as checked in docs/example-brief-sources.md. */
const dois = [
  '10.1186/s12912-024-02216-0',
  '10.1016/j.ijnurstu.2024.104908',
  '10.1136/bmjopen-2023-075066',
  '10.1136/bmjopen-2024-096333',
  '10.1177/00469580231159318',
  '10.1002/nop2.1588',
  '10.1177/17449871221080731',
  '10.1186/s12912-022-00949-4',
  '10.3390/nursrep11040075',
  '10.3390/healthcare11131887',
  '10.1016/j.nedt.2020.104651',
  '10.3390/bs14090782',
  '10.3389/fpubh.2023.1216810',
  '10.1136/bmjopen-2015-008331',
  '10.1001/jamahealthforum.2023.1809',
  '10.3390/ijerph20146348',
  '10.3390/ijerph191811159',
  '10.3390/ijerph19106130',
];

let pdf: Awaited<ReturnType<typeof readPdf>>;
let docx: Awaited<ReturnType<typeof readDocx>>;
let paragraphs: string[];
/** The PDF's pages after the title page and contents, without the running header and footer, as one text. */
let body: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'brief-example-'));
  const result = await runBrief('build', file, '--output', out);
  if (result.code !== 0) throw new Error([...result.out, ...result.err].join('\n'));
  pdf = await readPdf(join(out, 'nurse-retention-2026-11.pdf'));
  docx = await readDocx(join(out, 'nurse-retention-2026-11.docx'));
  paragraphs = all(docx.document, 'w:p').map(paragraphText);
  const count = pdf.pages.length;
  body = pdf.pages
    .slice(2)
    .map((page, i) => {
      // The running header and footer are read after the page's text (they are drawn last).
      const furniture = ` ${running} Page ${i + 3} of ${count}`;
      expect(page.endsWith(furniture), `the running header and footer of page ${i + 3}`).toBe(true);
      return page.slice(0, -furniture.length);
    })
    .join(' ');
}, 120_000);

describe('the example brief "Nurse Retention"', () => {
  it('validates, and lint finds nothing to warn of', async () => {
    expect(await runBrief('validate', file)).toEqual({ code: 0, out: [`${file}: valid (8 contents headings, 18 entries)`], err: [] });
    expect(await runBrief('lint', '--strict', file)).toEqual({ code: 0, out: [`${file}: no warnings`], err: [] });
  });

  it('has 18 references, each with a DOI, 16 of them with a full date', () => {
    const entries = allEntries(brief);
    expect(entries.map((e) => e.doi)).toEqual(dois);
    expect(entries.filter((e) => parseBriefDate(e.date)?.day !== undefined)).toHaveLength(16);
    expect(brief.sections.length).toBeGreaterThanOrEqual(4);
    expect(brief.sections.some((s) => (s.subsections ?? []).length > 0)).toBe(true);
  });

  it("prints every entry's title, date and source in both documents", () => {
    const entries = allEntries(brief);
    for (const { title, date, source, access } of entries) {
      const marker = access === 'abstract-only' ? ' Abstract only*' : '';
      expect(squeeze(body), title).toContain(squeeze(`${title} ${date}, ${source}${marker}`));
      expect(paragraphs, title).toContain(title);
      expect(paragraphs, title).toContain(`${date}, ${source}${marker}`);
    }
  });

  it('links every title to https://doi.org/<doi> in the PDF and in the .docx, and nothing else but the closing note’s two links', () => {
    // pdf.js reads the closing note's "https://doi.org" as "https://doi.org/" (the file has it as typed): compared as URLs.
    const href = (url: string | undefined) => new URL(url as string).href;
    const expected = [...dois.map((doi) => `https://doi.org/${doi}`), 'https://doi.org/', 'mailto:km@example.org'].sort();
    const pdfLinks = new Set(pdf.links.filter((l) => l.url).map((l) => href(l.url)));
    expect([...pdfLinks].sort()).toEqual(expected);
    // Each DOI's link is on the page its title is on (the title's bookmark; a title over two lines has two link areas).
    const flatten = (items: OutlineEntry[]): OutlineEntry[] => items.flatMap((b) => [b, ...flatten(b.children)]);
    const bookmarks = flatten(pdf.outline);
    for (const { title, doi } of allEntries(brief)) {
      const page = bookmarks.find((b) => b.title === title)?.page;
      expect(page, title).toBeGreaterThan(2);
      expect(
        pdf.links.filter((l) => l.url === `https://doi.org/${doi}`).map((l) => l.page),
        title,
      ).toContain(page);
    }
    const targets = [...docx.rels.matchAll(/Target="([^"]+)"\s+TargetMode="External"/g)].map((m) => m[1]);
    expect([...new Set(targets.map(href))].sort()).toEqual(expected);
  });

  it('lists every heading on the contents page with the page the heading is on', () => {
    // The bookmarks hold the headings (and, one level down, the entries' titles): the pages headings are on.
    const flatten = (items: OutlineEntry[]): OutlineEntry[] => items.flatMap((b) => [b, ...flatten(b.children)]);
    const headings = briefContents(brief).map((h) => h.text);
    const bookmarks = flatten(pdf.outline).filter((b) => headings.includes(b.title));
    expect(bookmarks.map((b) => b.title)).toEqual(headings);
    const lines = bookmarks.map((b) => `${b.title} ${b.page}`);
    expect(pdf.pages[1]).toBe(`Contents ${lines.join(' ')} ${running} Page 2 of ${pdf.pages.length}`);
    for (const { title, page } of bookmarks) {
      expect(squeeze(pdf.pages[page - 1] as string), `"${title}" on page ${page}`).toContain(squeeze(title));
      // The contents line is a link to the heading, which is on that page.
      expect(pdf.links.some((l) => l.page === 2 && l.destPage === page)).toBe(true);
    }
    expect(bookmarks.find((b) => b.title === 'Older and late-career nurses')?.page).toBe(5);
  });

  it('prints the brief-level note on the title page, after the title, in both documents', () => {
    const note = (brief.note as BriefBlock[]).map((p) => printed(p as string));
    expect(note).toHaveLength(2);
    expect(squeeze(pdf.pages[0] as string)).toContain(squeeze(`Evidence Brief: Nurse Retention ${note.join(' ')}`));
    const title = paragraphs.indexOf('Evidence Brief: Nurse Retention');
    expect(paragraphs.slice(title + 1, title + 3)).toEqual(note);
    expect(pdf.pages[0]).toContain('Evidence Brief: Nurse Retention. Example Author. (November 2026). Example NHS Trust.');
  });
});
