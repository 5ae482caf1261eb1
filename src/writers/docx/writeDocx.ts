import { BorderStyle, Document as WordDocument, Footer, Header, PageNumber, Paragraph, SimpleField, Tab, TabStopType, TextRun } from 'docx';
import type { Document, PageMap } from '../../document/types.js';
import { pageGeometry } from '../../theme/styleSheet.js';
import type { WordTheme } from '../../theme/types.js';
import { docxBlocks } from './docxBlocks.js';
import { docxParts } from './engine/docxParts.js';
import { docxNumbering, docxStyles, twips, wordStyleId } from './docxStyles.js';
import { makeReproducible } from './engine/reproducible.js';

/**
 * How much taller Word's text frame is than the PDF's, in points (its bottom margin is this
 * much smaller; the footer stays where it is). Word breaks its pages where the PDF's begin
 * (pageBreaks.ts), so it must never need to break sooner: whatever fills a PDF page must fit
 * Word's. Word and LibreOffice round each line and space to twips and lay out a little taller
 * than pdfmake (measured: see tests/documents.property.test.ts); this covers that with room to spare.
 */
export const WORD_FRAME_EXTRA = 20;

/**
 * How much wider Word's lines are than the PDF's, in points (its right margin is this much
 * smaller): so that whatever fits a PDF line fits Word's despite its rounding of widths to
 * twips. With every break opportunity the PDF used (a zero-width space where a PDF line begins
 * inside a word, pageBreaks.ts), Word then never needs more lines than the PDF for a paragraph.
 */
export const WORD_LINE_EXTRA = 3;

/**
 * The Word writer: a Document in the theme's look, to .docx bytes (mirrors writePdf).
 * `pages` says where each heading lands (the PDF's layout, which this one is made to match):
 * those numbers are written into the contents page's PAGEREF fields and the NUMPAGES field
 * (as the fields' results, with docx's SimpleField), so they show as soon as the file is
 * opened, with no "update fields" prompt.
 */
export async function writeDocx(document: Document, theme: WordTheme, creator: string, pages: PageMap): Promise<Buffer> {
  const page = pageGeometry(theme);
  const { size, margins } = page;
  const { meta } = document;
  const rule = (side: 'top' | 'bottom') => ({
    [side]: { style: BorderStyle.SINGLE, size: 4, color: theme.colours.rule.replace('#', ''), space: page.ruleGap },
  });
  const word = new WordDocument({
    creator: meta.author,
    lastModifiedBy: creator,
    title: meta.title,
    subject: meta.subject,
    keywords: meta.keywords.join(', '),
    description: meta.subject,
    styles: docxStyles(theme, meta.language),
    numbering: docxNumbering(theme),
    sections: [
      {
        properties: {
          titlePage: true, // the first page has no running header or footer
          page: {
            size: { width: twips(size.width), height: twips(size.height) },
            margin: {
              top: twips(margins.top),
              right: twips(margins.right - WORD_LINE_EXTRA),
              bottom: twips(margins.bottom - WORD_FRAME_EXTRA),
              left: twips(margins.left),
              header: twips(page.headerTop),
              footer: twips(page.footerFromBottom),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ style: wordStyleId('running'), border: rule('bottom'), children: [new TextRun(meta.header)] })] }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                style: wordStyleId('running'),
                border: rule('top'),
                tabStops: [{ type: TabStopType.RIGHT, position: twips(page.contentWidth) }],
                children: [
                  new TextRun(meta.footer),
                  new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of '] }),
                  new SimpleField('NUMPAGES', String(pages.pageCount)),
                ],
              }),
            ],
          }),
        },
        children: docxBlocks(document.blocks, theme, page.contentWidth, pages),
      },
    ],
  });
  return makeReproducible(await docxParts(word), meta.created, meta.language);
}
