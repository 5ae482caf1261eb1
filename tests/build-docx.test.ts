import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allEntries, briefContents } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { runBrief } from './helpers/cli.js';
import { all, attr, pageReferences, paragraphText, readDocx, styleOf, type XmlElement } from './helpers/docx.js';
import { readPdf, type OutlineEntry } from './helpers/pdf.js';
import { textContent } from 'domutils';

const briefFile = 'briefs/peer-support-workers-2021-01.json';
const brief = JSON.parse(readFileSync(briefFile, 'utf8')) as Brief;

describe('brief build: the January 2021 brief as a Word document', () => {
  const { docx: docxPath, pdf: pdfPath, buildLine } = brief2021();
  let docx: Awaited<ReturnType<typeof readDocx>>;
  let paragraphs: XmlElement[];
  /** Where each heading is in the PDF: the page the Word contents page must show for it. */
  let pdfPages: Map<string, number>;

  beforeAll(async () => {
    docx = await readDocx(docxPath);
    paragraphs = all(all(docx.document, 'w:body'), 'w:p');
    const pdf = await readPdf(pdfPath);
    const flatten = (o: OutlineEntry[]): OutlineEntry[] => o.flatMap((b) => [b, ...flatten(b.children)]);
    pdfPages = new Map(flatten(pdf.outline).map((b) => [b.title, b.page]));
  });

  it('is written beside the PDF', () => {
    expect(buildLine).toMatch(
      /wrote .*peer-support-workers-2021-01\.pdf \(\d+ pages, \d+ KB\), .*peer-support-workers-2021-01\.docx \(\d+ KB\) and .*peer-support-workers-2021-01\.html \(\d+ KB\) in /,
    );
  });

  it("uses Word's built-in heading styles, with outline levels", () => {
    const styles = all(docx.styles, 'w:style');
    for (const [id, name, level] of [
      ['Heading1', 'heading 1', '0'],
      ['Heading2', 'heading 2', '1'],
      ['Heading3', 'heading 3', '2'],
    ] as const) {
      const style = styles.find((s) => attr(s, 'w:styleId') === id);
      expect(attr(all(style as XmlElement, 'w:name')[0], 'w:val')).toBe(name);
      expect(attr(all(style as XmlElement, 'w:outlineLvl')[0], 'w:val')).toBe(level);
      expect(all(style as XmlElement, 'w:keepNext')).toHaveLength(1);
    }
  });

  it('has every contents heading as a Heading 1 or 2 paragraph holding a bookmark', () => {
    const headings = paragraphs.filter((p) => ['Heading1', 'Heading2'].includes(styleOf(p) ?? ''));
    expect(headings.map(paragraphText)).toEqual(briefContents(brief).map((h) => h.text));
    expect(headings.map((p) => (styleOf(p) === 'Heading1' ? 1 : 2))).toEqual(briefContents(brief).map((h) => h.level));
    for (const p of headings) expect(attr(all(p, 'w:bookmarkStart')[0], 'w:name')).toMatch(/^h_section_[\d_]+$|^h_closing_note$/);
  });

  it('has all 118 entry titles, in order, as headings one level below the heading they are under', () => {
    const titles = paragraphs.filter((p) => ['Heading3', 'EntryHeading2'].includes(styleOf(p) ?? '')).map(paragraphText);
    const style = all(docx.styles, 'w:style').find((s) => attr(s, 'w:styleId') === 'EntryHeading2') as XmlElement;
    expect(attr(all(style, 'w:basedOn')[0], 'w:val')).toBe('Heading2');
    expect(attr(all(style, 'w:outlineLvl')[0], 'w:val')).toBe('1');
    expect(titles).toEqual(allEntries(brief).map((e) => e.title));
  });

  it('has a contents page of linked lines with dot leaders and page numbers already filled in', () => {
    const lines = paragraphs.filter((p) => ['TOC1', 'TOC2'].includes(styleOf(p) ?? ''));
    expect(lines).toHaveLength(31);
    const bookmarks = new Map(all(docx.document, 'w:bookmarkStart').map((b) => [attr(b, 'w:name'), b]));
    lines.forEach((line, i) => {
      const heading = briefContents(brief)[i] as { text: string };
      const anchor = attr(all(line, 'w:hyperlink')[0], 'w:anchor');
      expect(bookmarks.has(anchor), `bookmark ${anchor}`).toBe(true);
      expect(attr(all(line, 'w:tab')[0], 'w:leader')).toBe('dot');
      const [ref] = pageReferences(line);
      expect(ref?.bookmark).toBe(anchor);
      expect(ref?.dirty, 'a dirty field makes Word ask to update').toBe(false);
      // The cached result is what Word and LibreOffice show before any update: the heading's page.
      expect(ref?.result, `page of "${heading.text}"`).toBe(String(pdfPages.get(heading.text)));
      expect(paragraphText(line)).toBe(`${heading.text}${ref?.result}`);
    });
    expect(all(docx.part('word/settings.xml'), 'w:updateFields')).toHaveLength(0);
  });

  it("wraps the contents lines in a Word TOC field of the contents headings' styles, as its cached result, not marked for updating", () => {
    const lines = paragraphs.filter((p) => ['TOC1', 'TOC2'].includes(styleOf(p) ?? ''));
    // The field's characters in document order, from the first contents line to the last.
    const marks = lines.flatMap((line) => all(line, 'w:fldChar').map((c) => attr(c, 'w:fldCharType')));
    const outer = marks.filter((_, i) => i === 0 || i === 1 || i === marks.length - 1);
    expect(outer).toEqual(['begin', 'separate', 'end']);
    expect(all(lines[0] as XmlElement, 'w:fldChar').map((c) => attr(c, 'w:fldCharType'))).toEqual(['begin', 'separate']);
    expect(all(lines.at(-1) as XmlElement, 'w:fldChar').map((c) => attr(c, 'w:fldCharType'))).toEqual(['end']);
    expect(all(lines[0] as XmlElement, 'w:instrText').map((t) => textContent(t))).toEqual(['TOC \\h \\z \\t "Heading 1,1,Heading 2,2"']);
    // Heading 1 and Heading 2 (Word's built-in names, written in lower case) are the styles of sections and
    // subsections; entry titles have others (EntryHeading2, Heading3), so Word's update leaves them out.
    const names = new Map(all(docx.styles, 'w:style').map((st) => [attr(st, 'w:styleId'), attr(all(st, 'w:name')[0], 'w:val')]));
    expect(names.get('Heading1')).toBe('heading 1');
    expect(names.get('Heading2')).toBe('heading 2');
    expect(names.get('EntryHeading2')).not.toMatch(/^heading [12]$/i);
    expect(all(docx.document, 'w:fldChar').some((c) => attr(c, 'w:dirty') === 'true')).toBe(false);
  });

  it('has real bullet lists, external links styled as links, and the logo with its alternative text', () => {
    const bullets = paragraphs.filter((p) => all(p, 'w:numPr').length > 0);
    expect(bullets.map(paragraphText).slice(0, 4)).toEqual([
      'Service provision and activity',
      'Workforce size',
      'Workforce demographics',
      'Workforce key performance indicators including sickness, vacancies and temporary staffing',
    ]);
    const numbering = all(docx.part('word/numbering.xml'), 'w:lvl')[0] as XmlElement;
    expect(attr(all(numbering, 'w:numFmt')[0], 'w:val')).toBe('bullet');
    const links = all(docx.document, 'w:hyperlink').filter((h) => attr(h, 'r:id'));
    expect(links).toHaveLength(2); // the closing note's: NHS OpenAthens registration, and the team's address
    expect(docx.rels).toContain(
      `Id="${attr(links[0], 'r:id')}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://openathens.nhs.uk/" TargetMode="External"`,
    );
    expect(docx.rels).toContain(
      `Id="${attr(links[1], 'r:id')}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:KnowledgeManagement@hee.nhs.uk" TargetMode="External"`,
    );
    expect(attr(all(links[0] as XmlElement, 'w:rStyle')[0], 'w:val')).toBe('Hyperlink');
    const logo = all(docx.document, 'wp:docPr')[0];
    expect(attr(logo, 'descr')).toBe('Knowledge Management');
  });

  it('has the access markers in italics with their asterisk, and the acknowledgement box', () => {
    const sources = paragraphs.filter((p) => styleOf(p) === 'Source');
    expect(sources).toHaveLength(115); // every entry with a date or source
    const marked = sources.filter((p) => paragraphText(p).endsWith('*'));
    expect(marked).toHaveLength(28 + 25);
    for (const p of marked) {
      const italic = all(p, 'w:r')
        .filter((r) => all(r, 'w:i').length > 0)
        .map(paragraphText);
      expect(['Abstract only', 'Athens log in required']).toContain(italic[0]);
    }
    const box = all(docx.document, 'w:tc')[0] as XmlElement;
    expect(attr(all(box, 'w:shd')[0], 'w:fill')).toBe('E8EDEE');
    expect(all(box, 'w:p').map(paragraphText)).toEqual(['Please acknowledge this work in any resulting paper or presentation as:', brief.acknowledgement]);
  });

  it('has a running header and footer with Word page fields, none on the first page', async () => {
    const section = all(docx.document, 'w:sectPr')[0] as XmlElement;
    expect(all(section, 'w:titlePg')).toHaveLength(1);
    const footers = all(section, 'w:footerReference');
    const rels = docx.rels;
    const target = (type: string) =>
      new RegExp(
        `Id="${attr(
          footers.find((f) => attr(f, 'w:type') === type),
          'r:id',
        )}"[^>]*Target="([^"]+)"`,
      ).exec(rels)?.[1];
    const footer = await docx.text(`word/${target('default')}`);
    expect(footer).toContain('HEE Knowledge Management Team, January 2021');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    // The page count is written in as the field's result, as the PDF has it.
    expect(footer).toMatch(/<w:fldSimple w:instr="NUMPAGES"><w:r><w:t[^>]*>25<\/w:t><\/w:r><\/w:fldSimple>/);
    expect(await docx.text(`word/${target('first')}`)).not.toContain('HEE Knowledge');
  });

  it('carries its metadata and language', () => {
    expect(docx.core).toContain('<dc:title>Evidence Brief: Peer Support Workers</dc:title>');
    expect(docx.core).toContain('<dc:creator>Katie Nicholas</dc:creator>');
    expect(docx.core).toContain('<dc:subject>Evidence Brief on Peer Support Workers: published reports, research and evidence, January 2021</dc:subject>');
    expect(docx.core).toContain('<cp:keywords>Peer Support Workers, Evidence Brief, Health Education England</cp:keywords>');
    expect(docx.core).toContain('<dc:description>');
    expect(docx.core).toContain('<dc:language>en-GB</dc:language>');
    expect(docx.core).toMatch(/<dcterms:created[^>]*>2021-01-01T00:00:00Z<\/dcterms:created>/);
    expect(attr(all(docx.styles, 'w:lang')[0], 'w:val')).toBe('en-GB');
  });

  it('gives byte-identical files for identical input', async () => {
    const again = mkdtempSync(join(tmpdir(), 'brief-docx-'));
    expect((await runBrief('build', briefFile, '--output', again)).code).toBe(0);
    expect(readFileSync(join(again, 'peer-support-workers-2021-01.docx')).equals(readFileSync(docxPath))).toBe(true);
  });
});
