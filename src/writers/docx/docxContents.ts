import { BuilderElement, InternalHyperlink, Paragraph, SimpleField, Tab, TabStopType, TextRun, LeaderType } from 'docx';
import { contentsHeadings, plainText, type Block, type PageMap } from '../../document/types.js';
import { bookmarkName } from './bookmarks.js';
import { wordStyleId } from './docxStyles.js';

/**
 * What Word's "Update table" lists: paragraphs in the two contents heading styles, by name, at
 * levels 1 and 2 (`\t`; not `\o`, which would take every style with an outline level, and so the
 * entry titles under a section, whose own style sits at level 2); each line a link (`\h`);
 * no page numbers in web view (`\z`).
 */
export const TOC_INSTRUCTION = 'TOC \\h \\z \\t "Heading 1,1,Heading 2,2"';

const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new TextRun({ children: [new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });
const instruction = (text: string) =>
  new TextRun({
    children: [
      new BuilderElement<{ space: string }>({ name: 'w:instrText', attributes: { space: { key: 'xml:space', value: 'preserve' } }, children: [text as never] }),
    ],
  });

/**
 * The contents page: one line per heading, linked to it, with a dot-leader right tab and a
 * PAGEREF field to the heading's bookmark. The field's result is written in: the page the PDF
 * put the heading on (`pages`), which is Word's page too (pageBreaks.ts), so Word and
 * LibreOffice show it as soon as the file opens. The lines are the cached result of a Word TOC
 * field (begin, instruction, separate, the lines, end; neither dirty nor marked for updating,
 * so Word does not ask on opening), so "Update table" rebuilds them from the headings then in
 * the document. `breakBefore(k)` says whether a PDF page begins with the k-th line (1-based).
 */
export function docxContents(
  title: string,
  blocks: readonly Block[],
  rightEdge: number,
  pageBreakBefore: boolean,
  pages: PageMap,
  breakBefore: (line: number) => boolean = () => false,
): Paragraph[] {
  const headings = contentsHeadings(blocks);
  const lines = headings.map((heading, i) => {
    const anchor = bookmarkName(heading.id);
    const link = new InternalHyperlink({
      anchor,
      children: [
        new TextRun({ text: plainText(heading.content) }),
        new TextRun({ children: [new Tab()] }),
        new SimpleField(`PAGEREF ${anchor} \\h`, String(pages.headings.get(heading.id) ?? '')),
      ],
    });
    return new Paragraph({
      style: wordStyleId(`contents${heading.level}`),
      pageBreakBefore: breakBefore(i + 1),
      tabStops: [{ type: TabStopType.RIGHT, position: rightEdge, leader: LeaderType.DOT }],
      children: [
        ...(i === 0 ? [fieldChar('begin'), instruction(TOC_INSTRUCTION), fieldChar('separate')] : []),
        link,
        ...(i === headings.length - 1 ? [fieldChar('end')] : []),
      ],
    });
  });
  return [new Paragraph({ style: wordStyleId('contentsTitle'), pageBreakBefore, text: title }), ...lines];
}
