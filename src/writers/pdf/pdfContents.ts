import type { Content, CustomTableLayout } from 'pdfmake/interfaces.js';
import { plainText, type Block, type Heading } from '../../document/types.js';

/** Headings that the contents page lists: sections and subsections. */
export function contentsHeadings(blocks: readonly Block[]): Heading[] {
  return blocks.filter((b): b is Heading => b.kind === 'heading' && b.level <= 2);
}

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
 */
export function pdfContents(title: string, blocks: readonly Block[], leaderColour: string): Content[] {
  const lines = contentsHeadings(blocks).map(
    (heading): Content => ({
      columns: [
        { text: plainText(heading.content), width: 'auto', linkToDestination: heading.id, style: `contents${heading.level}` },
        {
          width: '*',
          margin: [4, 0, 4, 0],
          table: { widths: ['*'], heights: [9], body: [[{ text: '' }]] },
          layout: leaderLayout(leaderColour),
        },
        // pdfmake lays the number out as "00000" and writes the real one in afterwards: leave room for the placeholder.
        { pageReference: heading.id, width: 32, alignment: 'right', style: `contents${heading.level}` },
      ],
      margin: [heading.level === 1 ? 0 : 16, heading.level === 1 ? 4 : 1, 0, 0],
    }),
  );
  return [{ text: title, style: 'contentsTitle', outline: true, outlineText: title, id: 'contents' }, ...lines];
}
