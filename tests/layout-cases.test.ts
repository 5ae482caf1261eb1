import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBrief } from './helpers/cli.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';

/** The cases of issue 15 about layout (from ../shared/cases/, kept in tests/fixtures/cases/), each with its right value. */
const dir = 'tests/fixtures/cases';
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function build(name: string) {
  const out = mkdtempSync(join(tmpdir(), `brief-${name}-`));
  const result = await runBrief('build', `${dir}/${name}.json`, '--output', out);
  return { result, pdf: join(out, `${name}.pdf`), docx: join(out, `${name}.docx`) };
}

describe('the layout cases of issue 15', () => {
  it('long-summary-paragraph: a summary paragraph longer than a page flows over pages with its heading; every sentence in both documents', async () => {
    const { result, pdf, docx } = await build('long-summary-paragraph');
    expect(result.code).toBe(0);
    const read = await readPdf(pdf);
    const brief = JSON.parse(readFileSync(`${dir}/long-summary-paragraph.json`, 'utf8'));
    const paragraph: string = brief.sections[0].entries[0].summary[0];
    expect(paragraph.length).toBeGreaterThan(5500);
    // The page's furniture (running header and footer) is taken out before the paragraph is looked for.
    const body = read.pages
      .slice(2)
      .map((page, i) => page.replace('Evidence Brief: Test Brief', '').replace(`Example KM Team, November 2026 Page ${i + 3} of ${read.pages.length}`, ''))
      .join(' ');
    expect(squeeze(body)).toContain(squeeze(`Section One An ordinary entry 2020, Example Journal ${paragraph}`));
    expect(read.outline.map((b) => [b.title, b.page])).toEqual([
      ['Contents', 2],
      ['Section One', 3],
      ['*Help accessing articles or papers', 4],
    ]);
    // The contents page gives the pages the headings are on.
    expect(read.pages[1]).toContain('Section One 3 *Help accessing articles or papers 4');
    const word = await readDocx(docx);
    expect(squeeze(all(word.document, 'w:p').map(paragraphText).join(''))).toContain(squeeze(paragraph));
  });

  it('ampersand-in-topic: the running header and footer print the topic and team as typed, in both documents', async () => {
    const { result, pdf, docx } = await build('ampersand-in-topic');
    expect(result.code).toBe(0);
    const read = await readPdf(pdf);
    for (const page of read.pages.slice(1)) {
      expect(page).toContain('Evidence Brief: Nursing & Midwifery');
      expect(page).toContain('Knowledge & Library Services, November 2026');
      expect(page).not.toContain('&amp;');
    }
    expect(read.info.Title).toBe('Evidence Brief: Nursing & Midwifery');
    const word = await readDocx(docx);
    const running = word.parts.filter((p) => /^word\/(header|footer)\d+\.xml$/.test(p)).flatMap((p) => all(word.part(p), 'w:p').map(paragraphText));
    expect(running).toContain('Evidence Brief: Nursing & Midwifery');
    expect(running.some((text) => text.startsWith('Knowledge & Library Services, November 2026'))).toBe(true);
    expect(running.join(' ')).not.toContain('&amp;');
  });

  it('blank-section-heading: refused with its place and the rule; nothing is written', async () => {
    const { result, pdf } = await build('blank-section-heading');
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe(
      `${dir}/blank-section-heading.json:15:18  /sections/0/heading  "heading" should have some text in it (spaces and invisible characters alone print nothing), not "   "`,
    );
    expect(() => readFileSync(pdf)).toThrow();
  });

  it('a word longer than a line, in a bullet list or a paragraph, is broken where it must and printed whole, inside the page', async () => {
    const word = 'Llanfair'.padEnd(111, 'pwllgwyngyll');
    const brief = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8'));
    brief.$schema = '../../../schema/brief.schema.json';
    brief.sections[0].entries[0].summary = [{ list: [`${word} Gwasanaeth`, 'peer'] }, `${word} Gwasanaeth end`];
    const out = mkdtempSync(join(tmpdir(), 'brief-long-word-'));
    const file = join(out, 'long-word.json');
    writeFileSync(file, JSON.stringify(brief));
    expect((await runBrief('build', file, '--output', out)).code).toBe(0);
    const pages = (await readPdf(join(out, 'long-word.pdf'))).pages;
    expect(squeeze(pages[2] as string)).toContain(squeeze(`• ${word} Gwasanaeth • peer ${word} Gwasanaeth end`));
  });
});
