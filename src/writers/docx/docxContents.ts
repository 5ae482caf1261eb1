import { InternalHyperlink, Paragraph, SimpleField, Tab, TabStopType, TextRun, LeaderType } from 'docx';
import { contentsHeadings, plainText, type Block, type PageMap } from '../../document/types.js';
import { bookmarkName } from './bookmarks.js';
import { wordStyleId } from './docxStyles.js';

/**
 * The contents page: one line per heading, linked to it, with a dot-leader right tab and a
 * PAGEREF field to the heading's bookmark. The field's result is written in: the page the PDF
 * put the heading on (`pages`), so Word and LibreOffice show it as soon as the file opens.
 */
export function docxContents(title: string, blocks: readonly Block[], rightEdge: number, pageBreakBefore: boolean, pages: PageMap): Paragraph[] {
  const lines = contentsHeadings(blocks).map((heading) => {
    const anchor = bookmarkName(heading.id);
    return new Paragraph({
      style: wordStyleId(`contents${heading.level}`),
      tabStops: [{ type: TabStopType.RIGHT, position: rightEdge, leader: LeaderType.DOT }],
      children: [
        new InternalHyperlink({ anchor, children: [new TextRun({ text: plainText(heading.content) }), new TextRun({ children: [new Tab()] }), new SimpleField(`PAGEREF ${anchor} \\h`, String(pages.headings.get(heading.id) ?? ''))] }),
      ],
    });
  });
  return [new Paragraph({ style: wordStyleId('contentsTitle'), pageBreakBefore, text: title }), ...lines];
}
