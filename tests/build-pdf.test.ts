import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allEntries, briefContents } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { runBrief } from './helpers/cli.js';
import { readPdf, type OutlineEntry, type PdfReadBack } from './helpers/pdf.js';

const briefFile = 'briefs/peer-support-workers-2021-01.json';
const brief = JSON.parse(readFileSync(briefFile, 'utf8')) as Brief;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// A line may break after a hyphen ("Recovery-" / "Oriented"); compare text with that break removed.
const unbreak = (s: string) => s.replace(/-\s+/g, '-');

describe('brief build: the January 2021 brief as a PDF', () => {
  const { pdf: pdfPath, buildLine } = brief2021();
  let pdf: PdfReadBack;

  beforeAll(async () => {
    pdf = await readPdf(pdfPath);
  });

  it('says what it wrote, with pages, size and time', () => {
    expect(buildLine).toMatch(
      new RegExp(
        `^${briefFile}: wrote .*peer-support-workers-2021-01\\.pdf \\(\\d+ pages, \\d+ KB\\), .*\\.docx \\(\\d+ KB\\) and .*\\.html \\(\\d+ KB\\) in \\d+\\.\\d s$`,
      ),
    );
    expect(buildLine).toContain(`(${pdf.pages.length} pages,`);
  });

  it('has a contents page whose every number is the page its heading lands on', () => {
    const headings = briefContents(brief).map((h) => h.text);
    const contentsPage = pdf.pages[1] as string;
    expect(contentsPage.startsWith('Contents')).toBe(true);
    // Contents lines read "Heading 12"; take them in order.
    let rest = contentsPage;
    const numbers = headings.map((heading) => {
      const at = rest.indexOf(heading);
      expect(at, `contents line for "${heading}"`).toBeGreaterThanOrEqual(0);
      rest = rest.slice(at + heading.length);
      const number = /^ (\d+)/.exec(rest);
      expect(number, `page number after "${heading}"`).not.toBeNull();
      return Number((number as RegExpExecArray)[1]);
    });
    const bookmarks = new Map(flatten(pdf.outline).map((b) => [b.title, b.page]));
    headings.forEach((heading, i) => {
      const page = numbers[i] as number;
      expect(pdf.pages[page - 1], `"${heading}" on page ${page}`).toContain(heading);
      // The bookmark goes to where the heading really is: the number must be that page.
      expect(bookmarks.get(heading), `bookmark page of "${heading}"`).toBe(page);
    });
    // Pages only ever increase through the brief, and no heading is on the title or contents page.
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(Math.min(...numbers)).toBe(3);
  });

  it("links each contents line to its heading, the closing note's registration link to NHS OpenAthens, and the contact address to an email", () => {
    const contentsLinks = pdf.links.filter((l) => l.page === 2).map((l) => l.dest);
    const ids = [...new Set(contentsLinks)];
    expect(ids).toHaveLength(31); // text and number of each line link to the same heading
    expect(ids[0]).toBe('section-1');
    expect(pdf.links.filter((l) => l.url)).toEqual([
      { page: pdf.pages.length, url: 'https://openathens.nhs.uk/', dest: undefined },
      { page: pdf.pages.length, url: 'mailto:KnowledgeManagement@hee.nhs.uk', dest: undefined },
    ]);
  });

  it('has all 118 entry titles, in order', () => {
    const body = unbreak(pdf.pages.slice(2).join(' '));
    let from = 0;
    const titles = allEntries(brief).map((e) => unbreak(collapse(e.title)));
    expect(titles).toHaveLength(118);
    for (const title of titles) {
      const at = body.indexOf(title, from);
      expect(at, `"${title}" after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('has a bookmark for every heading: sections, subsections under them, entries under those', () => {
    const top = pdf.outline.map((b) => b.title);
    expect(top).toEqual(['Contents', ...brief.sections.map((s) => s.heading), brief.closingNote.heading]);
    const research = pdf.outline.find((b) => b.title === 'Published Peer Reviewed Research') as OutlineEntry;
    expect(research.children.map((b) => b.title)).toEqual(brief.sections[5]?.subsections?.map((s) => s.heading));
    const allTitles = flatten(pdf.outline).map((b) => b.title);
    for (const heading of briefContents(brief)) expect(allTitles).toContain(heading.text);
    const entryBookmarks = allTitles.filter((t) => allEntries(brief).some((e) => e.title === t));
    expect(new Set(entryBookmarks).size).toBe(new Set(allEntries(brief).map((e) => e.title)).size);
  });

  it('carries its metadata: title shown in the window bar, author, subject, keywords, creator, language', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Evidence Brief: Peer Support Workers',
      Author: 'Katie Nicholas',
      Subject: 'Evidence Brief on Peer Support Workers: published reports, research and evidence, January 2021',
      Keywords: 'Peer Support Workers, Evidence Brief, Health Education England',
      Language: 'en-GB',
      CreationDate: 'D:20210101000000Z',
    });
    expect(pdf.info.Creator).toMatch(/^brief \d+\.\d+\.\d+$/);
    expect(pdf.displayDocTitle).toBe(true);
  });

  it('has the running header and footer on every page after the first', () => {
    const total = pdf.pages.length;
    expect(pdf.pages[0]).not.toContain('Page 1 of');
    // pdfmake draws the header and footer after the page's content, so their text comes last.
    pdf.pages.slice(1).forEach((text, i) => {
      expect(text.endsWith(`Evidence Brief: Peer Support Workers HEE Knowledge Management Team, January 2021 Page ${i + 2} of ${total}`)).toBe(true);
    });
  });

  it('has the title page of the original: title, blurb and acknowledgement box', () => {
    expect(pdf.pages[0]).toBe(
      collapse(`Evidence Brief: Peer Support Workers Produced by the HEE Knowledge Management team ${brief.about}
        Please acknowledge this work in any resulting paper or presentation as: ${brief.acknowledgement}`),
    );
  });

  it('gives byte-identical files for identical input', async () => {
    const again = mkdtempSync(join(tmpdir(), 'brief-pdf-'));
    expect((await runBrief('build', briefFile, '--output', again)).code).toBe(0);
    expect(readFileSync(join(again, 'peer-support-workers-2021-01.pdf')).equals(readFileSync(pdfPath))).toBe(true);
    expect(readdirSync(again).sort()).toEqual([
      '.brief-manifest.json',
      'peer-support-workers-2021-01.docx',
      'peer-support-workers-2021-01.html',
      'peer-support-workers-2021-01.pdf',
    ]);
  });
});

describe('brief build: entries', () => {
  it('links an entry title to its url, and prints its access marker with its asterisk', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'brief-pdf-'));
    expect((await runBrief('build', 'tests/fixtures/valid/minimal.json', '--output', outDir)).code).toBe(0);
    const { pages, links } = await readPdf(join(outDir, 'minimal.pdf'));
    // pdfmake writes one link area per word of a linked title.
    const external = links.filter((l) => l.url);
    expect(external.length).toBeGreaterThan(0);
    expect(new Set(external.map((l) => `${l.page} ${l.url}`))).toEqual(new Set(['3 https://example.org/report']));
    expect(pages[2]).toContain('Key publications A report March 2020, NHS Athens log in required* A bold start. • one • two *Help accessing');
  });
});

describe('brief build: text is printed as typed', () => {
  it('never turns markup or template syntax in a brief into formatting', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'brief-pdf-'));
    const result = await runBrief('build', 'tests/fixtures/valid/hostile-text.json', '--output', outDir);
    expect(result.code).toBe(0);
    const { pages, outline } = await readPdf(join(outDir, 'hostile-text.pdf'));
    const text = pages.join(' ');
    for (const literal of [
      'Evidence Brief: Markup <b>and</b> {{topic}}',
      'Cite as {{{acknowledgement}}} please',
      'Heading with <h1>tags</h1> and {{> entry}}',
      'Title <b>not bold</b> {{title}}',
      '2020, <script>alert(1)</script>',
      'A paragraph with <em>html</em>, {{#each x}}, &amp; an entity and real bold.',
      'Closing {{closingNote}}',
    ]) {
      expect(text).toContain(literal);
    }
    expect(outline.map((b) => b.title)).toContain('Heading with <h1>tags</h1> and {{> entry}}');
  });
});

function flatten(outline: OutlineEntry[]): OutlineEntry[] {
  return outline.flatMap((b) => [b, ...flatten(b.children)]);
}
