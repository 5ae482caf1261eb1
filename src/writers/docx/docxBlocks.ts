import { Bookmark, ImageRun, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType, BorderStyle, type FileChild } from 'docx';
import { imageSize } from 'image-size';
import { keepsWithNext, outlineLevels, type Block, type PageMap } from '../../document/types.js';
import { boxMetrics } from '../../theme/styleSheet.js';
import type { Theme } from '../../theme/types.js';
import { bookmarkName } from './bookmarks.js';
import { docxContents } from './docxContents.js';
import { docxInlines } from './docxInlines.js';
import { ENTRY_HEADING_2, twips, wordStyleId } from './docxStyles.js';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The Document's blocks as Word paragraphs and tables, kind by kind (mirrors pdfBlocks).
 * Headings and source lines keep with the next paragraph, as the PDF keeps them together.
 * `pages` (where the PDF put each heading) gives the contents page its numbers.
 */
export function docxBlocks(blocks: readonly Block[], theme: Theme, contentWidth: number, pages: PageMap, allBlocks: readonly Block[] = blocks, levels = outlineLevels(allBlocks)): FileChild[] {
  const out: FileChild[] = [];
  let breakBefore = false;
  let afterKept = false;
  for (const block of blocks) {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    // The block that ends a heading's keep-with-next chain is kept whole, as the PDF keeps the chain unbroken.
    const keepWhole = afterKept && !keepsWithNext(block);
    out.push(...docxBlock(block, theme, contentWidth, allBlocks, { pageBreakBefore: breakBefore, keepWhole, levels, pages }));
    afterKept = keepsWithNext(block);
    breakBefore = false;
  }
  return out;
}

interface Placement {
  pageBreakBefore: boolean;
  /** Keep all of this block's lines on one page. */
  keepWhole: boolean;
  /** Each heading's outline level. */
  levels: Map<string, 1 | 2 | 3>;
  pages: PageMap;
}

function docxBlock(block: Exclude<Block, { kind: 'pageBreak' }>, theme: Theme, contentWidth: number, allBlocks: readonly Block[], placement: Placement): FileChild[] {
  const { pageBreakBefore, keepWhole } = placement;
  const keepLines = keepWhole || undefined;
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          // An entry's title under a section is one level down, at 2: same look, its own style.
          style: block.level === 3 && placement.levels.get(block.id) === 2 ? ENTRY_HEADING_2.id : wordStyleId(`h${block.level}`),
          pageBreakBefore,
          children: [new Bookmark({ id: bookmarkName(block.id), children: docxInlines(block.content) })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ style: wordStyleId(block.role), pageBreakBefore, keepNext: keepsWithNext(block) || undefined, keepLines, children: docxInlines(block.content) })];
    case 'list':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            style: wordStyleId('listItem'),
            numbering: { reference: 'bullets', level: 0 },
            pageBreakBefore: pageBreakBefore && i === 0,
            keepLines,
            keepNext: (keepWhole && i < block.items.length - 1) || undefined,
            children: docxInlines(item),
          }),
      );
    case 'box': {
      const { spaceBefore, padding } = boxMetrics(theme);
      return [
        // A table has no space above of its own: an empty paragraph exactly that tall stands for it.
        new Paragraph({ spacing: { before: 0, after: 0, line: twips(spaceBefore), lineRule: LineRuleType.EXACT }, children: [] }),
        new Table({
          width: { size: twips(contentWidth), type: WidthType.DXA },
          columnWidths: [twips(contentWidth)],
          borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
          rows: [
            new TableRow({
              children: [
                new TableCell({
                  shading: { type: ShadingType.CLEAR, fill: theme.colours.boxFill.replace('#', ''), color: 'auto' },
                  margins: { top: twips(padding), bottom: twips(padding), left: twips(padding), right: twips(padding) },
                  children: docxBlocks(block.blocks, theme, contentWidth - 2 * padding, placement.pages, allBlocks, placement.levels) as Paragraph[],
                }),
              ],
            }),
          ],
        }),
      ];
    }
    case 'contents':
      return docxContents(block.title, allBlocks, twips(contentWidth), pageBreakBefore, placement.pages);
    case 'image': {
      const data = theme.images[block.name];
      if (!data) throw new Error(`the layout shows the image "${block.name}", which the theme "${theme.id}" does not have`);
      const { width = 1, height = 1, type = 'png' } = imageSize(data);
      return [
        new Paragraph({
          pageBreakBefore,
          // Single spacing and no space above, as the PDF places it (LibreOffice crops a picture in a line spaced more than single).
          spacing: { before: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: type === 'jpg' ? 'jpg' : 'png',
              data,
              // Word sizes images in pixels at 96 per inch; the Document gives points (72 per inch).
              transformation: { width: (block.width * 96) / 72, height: (block.width * height * 96) / (width * 72) },
              altText: { name: block.name, title: block.alt, description: block.alt },
            }),
          ],
        }),
      ];
    }
  }
}
