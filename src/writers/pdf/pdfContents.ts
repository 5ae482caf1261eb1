import type { Content, CustomTableLayout } from 'pdfmake/interfaces.js';
import { contentsHeadings, plainText, type Block } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import type { PdfStyles } from './pdfStyles.js';
import type { TagNode, TagTree } from './pdfTags.js';

// The leader: a dotted bottom border on an empty cell that fills the space between the heading and its number.
const leaderLayout = (colour: string): CustomTableLayout => ({
  hLineWidth: (i) => (i === 1 ? 0.8 : 0),
  vLineWidth: () => 0,
  hLineColor: () => colour,
  hLineStyle: () => ({ dash: { length: 0.8, space: 2.2 } }),
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
});

/**
 * The contents page: one line per heading, linked to it, with a dot leader and the page the
 * heading lands on, which pdfmake fills in after layout (`pageReference`), so it is always right.
 * In the structure tree: a TOC of TOCI items, each a Link holding the heading and its number.
 */
export function pdfContents(title: string, blocks: readonly Block[], theme: Theme, parent: TagNode, tree: TagTree, styles: PdfStyles): Content[] {
  const titleNode = tree.add(parent, 'P');
  const toc = tree.add(parent, 'TOC');
  const lines = contentsHeadings(blocks).map((heading): Content => {
    const { text, margin } = styles[`contents${heading.level}`];
    const link = tree.add(tree.add(toc, 'TOCI'), 'Link', { text: plainText(heading.content) });
    tree.contentsLinks.set(heading.id, link);
    return {
      margin,
      columns: [
        { text: [{ text: plainText(heading.content), _tag: tree.tag(link) } as Content], width: 'auto', linkToDestination: heading.id, ...text },
        {
          width: '*',
          margin: [4, 0, 4, 0],
          table: { widths: ['*'], heights: [9], body: [[{ text: '' }]] },
          layout: leaderLayout(theme.colours.rule),
        },
        // pdfmake lays the number out as "00000" and writes the real one in afterwards: leave room for the placeholder.
        { pageReference: heading.id, width: 32, alignment: 'right', ...text },
      ],
    };
  });
  const titleStyle = styles.contentsTitle;
  return [{ text: [{ text: title, ...titleStyle.text, _tag: tree.tag(titleNode) } as Content], margin: titleStyle.margin, outline: true, outlineText: title, id: 'contents' } as Content, ...lines];
}
