import type { Content, CustomTableLayout } from 'pdfmake/interfaces.js';
import { contentsHeadings, plainText, type Block } from '../../document/types.js';
import type { WriterTheme } from '../../theme/types.js';
import type { PdfStyles } from './pdfStyles.js';
import type { TagNode, TagTree } from './pdfTags.js';

/** A contents line's two cells sit flush: no rules, no padding. */
const rowLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** Room for the page number, and the least room for its dots, in points. */
const NUMBER_WIDTH = 36;

/**
 * The contents page: one line per heading, linked to it, with a dot leader and the page the
 * heading lands on, which pdfmake fills in after layout (`pageReference`), so it is always right.
 * Each line is a row of two cells: the heading, wrapping within its cell, and its number at the
 * foot of the row, on the heading's last line; the dots between them are drawn as the number
 * is (contentsLeaders.ts), as Word draws a tab's leader.
 * In the structure tree: a TOC of TOCI items, each a Link holding the heading and its number.
 * `width` is the width of the text, in points.
 */
export function pdfContents(
  title: string,
  blocks: readonly Block[],
  theme: WriterTheme,
  parent: TagNode,
  tree: TagTree,
  styles: PdfStyles,
  width: number,
): Content[] {
  const titleNode = tree.add(parent, 'P');
  const toc = tree.add(parent, 'TOC');
  const lines = contentsHeadings(blocks).map((heading): Content => {
    const { text, margin } = styles[`contents${heading.level}`];
    const link = tree.add(tree.add(toc, 'TOCI'), 'Link', { text: plainText(heading.content) });
    tree.contentsLinks.set(heading.id, link);
    return {
      margin,
      table: {
        // Widths in points, not '*': pdfmake widens a '*' column to its longest word, which then ran off the page.
        widths: [width - margin[0] - NUMBER_WIDTH, NUMBER_WIDTH], // a subsection's line is indented by its margin
        body: [
          [
            {
              text: [{ text: plainText(heading.content), _tag: tree.tag(link), _leader: { id: heading.id, colour: theme.colours.rule } } as Content],
              linkToDestination: heading.id,
              ...text,
            },
            // pdfmake lays the number out as "00000" and writes the real one in afterwards: the cell leaves room for the placeholder.
            { pageReference: heading.id, alignment: 'right', verticalAlignment: 'bottom', ...text },
          ],
        ],
      },
      layout: rowLayout,
    } as Content;
  });
  const titleStyle = styles.contentsTitle;
  return [
    {
      text: [{ text: title, ...titleStyle.text, _tag: tree.tag(titleNode) } as Content],
      margin: titleStyle.margin,
      outline: true,
      outlineText: title,
      id: 'contents',
    } as Content,
    ...lines,
  ];
}
