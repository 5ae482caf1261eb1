import {
  Bookmark,
  ImageRun,
  LineRuleType,
  PageBreak,
  Paragraph,
  TextRun,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
  BorderStyle,
  type FileChild,
} from 'docx';
import { imageSize } from 'image-size';
import { keepsWithNext, outlineLevels, plainText, splitInlines, type Block, type Inline, type PageMap } from '../../document/types.js';
import { boxMetrics, noteMetrics, styleSheet } from '../../theme/styleSheet.js';
import type { WordTheme } from '../../theme/types.js';
import { bookmarkName } from './bookmarks.js';
import { docxContents } from './docxContents.js';
import { docxInlines } from './docxInlines.js';
import { PageBreaks } from './pageBreaks.js';
import { ENTRY_HEADING_2, twips, wordStyleId } from './docxStyles.js';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The Document's blocks as Word paragraphs and tables, kind by kind (mirrors pdfBlocks).
 * Headings and source lines keep with the next paragraph, as the PDF keeps them together.
 * `pages` (where the PDF put each heading) gives the contents page its numbers, and where
 * each PDF page begins is a page break here too (`breaks`; `path` is that of the box whose
 * blocks these are, [] for the document's).
 */
export function docxBlocks(
  blocks: readonly Block[],
  theme: WordTheme,
  contentWidth: number,
  pages: PageMap,
  allBlocks: readonly Block[] = blocks,
  levels = outlineLevels(allBlocks),
  path: number[] = [],
  breaks = new PageBreaks(pages),
  note?: NoteFrame,
): FileChild[] {
  const out: FileChild[] = [];
  let breakBefore = false;
  let afterKept = false;
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    const here = [...path, index];
    // The block that ends a heading's keep-with-next chain is kept whole, as the PDF keeps the chain unbroken.
    const keepWhole = afterKept && !keepsWithNext(block);
    out.push(
      ...docxBlock(block, theme, contentWidth, allBlocks, {
        pageBreakBefore: breakBefore || breaks.before(here),
        keepWhole,
        levels,
        pages,
        path: here,
        breaks,
        note: note && { ...note, first: index === 0 },
      }),
    );
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
  /** The block's path in the Document, and where the PDF's pages begin. */
  path: number[];
  breaks: PageBreaks;
  /** Set when the block is in a note: its paragraphs get the note's rule and indent. */
  note?: NoteFrame & { first: boolean };
}

/** A note's look in Word, as the PDF draws it (noteMetrics): a rule down the left, the text indented beside it, space above. */
interface NoteFrame {
  /** The left indent of its paragraphs, in twips. */
  indent: number;
  /** The space above the note, in points. */
  spaceBefore: number;
  border: { left: { style: typeof BorderStyle.SINGLE; size: number; color: string; space: number } };
}

function noteFrame(theme: WordTheme): NoteFrame {
  const { spaceBefore, rule, gap, colour } = noteMetrics(theme);
  // Word draws a paragraph's left border in its indent, `space` points from the text; its size is in eighths of a point.
  return {
    indent: twips(rule + gap),
    spaceBefore,
    border: { left: { style: BorderStyle.SINGLE, size: rule * 8, color: colour.replace('#', ''), space: gap } },
  };
}

/**
 * The note's paragraph properties for a paragraph of `spaceBefore` points, hanging by `hanging`
 * twips (a list item); the note's first paragraph (`first`) gets the note's space above too.
 */
function inNote(placement: Placement, spaceBefore: number, { hanging, first = placement.note?.first }: { hanging?: number; first?: boolean } = {}) {
  const note = placement.note;
  if (!note) return {};
  return {
    border: note.border,
    indent: hanging === undefined ? { left: note.indent } : { left: note.indent + hanging, hanging },
    ...(first ? { spacing: { before: twips(spaceBefore + note.spaceBefore) } } : {}),
  };
}

/**
 * Inline content as runs, with a page break wherever a PDF page begins inside it, and a
 * break opportunity wherever a PDF line begins inside a word: a zero-width space (invisible),
 * or inside a link a line break (LibreOffice keeps a web address whole, even at a zero-width space).
 */
function runsWithBreaks(content: readonly Inline[], breaks: PageBreaks, path: number[]) {
  const pageAt = new Set(breaks.within(path));
  const links = linkRanges(content);
  const inLink = (offset: number) => links.some(([from, to]) => offset > from && offset < to);
  const text = plainText(content);
  // After a hyphen Word and LibreOffice break by themselves (but not in a web address).
  const wordBreaks = breaks.wordBreaks(path).filter((offset) => text[offset - 1] !== '-' || inLink(offset));
  const at = [...new Set([...pageAt, ...wordBreaks])].sort((a, b) => a - b);
  if (at.length === 0) return docxInlines(content);
  const cut = (offset: number) => (pageAt.has(offset) ? new PageBreak() : inLink(offset) ? new TextRun({ break: 1 }) : new TextRun('\u200B'));
  return splitInlines(content, at).flatMap((part, i) => [...(i === 0 ? [] : [cut(at[i - 1] as number)]), ...docxInlines(part)]);
}

/** Where links are in inline content's plain text: [from, to) of each. */
function linkRanges(content: readonly Inline[]): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  const walk = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.kind === 'text') {
        at += inline.text.length;
        continue;
      }
      const from = at;
      walk(inline.content);
      if (inline.kind === 'link') ranges.push([from, at]);
    }
  };
  walk(content);
  return ranges;
}

function docxBlock(
  block: Exclude<Block, { kind: 'pageBreak' }>,
  theme: WordTheme,
  contentWidth: number,
  allBlocks: readonly Block[],
  placement: Placement,
): FileChild[] {
  const { pageBreakBefore, keepWhole, path, breaks } = placement;
  // A block the PDF breaks over pages is not kept whole here: it breaks where the PDF's does.
  const keepLines = (keepWhole && breaks.within(path).length === 0) || undefined;
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          // An entry's title under a section is one level down, at 2: same look, its own style.
          style: block.level === 3 && placement.levels.get(block.id) === 2 ? ENTRY_HEADING_2.id : wordStyleId(`h${block.level}`),
          pageBreakBefore,
          children: [new Bookmark({ id: bookmarkName(block.id), children: runsWithBreaks(block.content, breaks, path) })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          style: wordStyleId(block.role),
          pageBreakBefore,
          keepNext: keepsWithNext(block) || undefined,
          keepLines,
          ...inNote(placement, styleSheet(theme)[block.role].spaceBefore),
          children: runsWithBreaks(block.content, breaks, path),
        }),
      ];
    case 'list': {
      // A list the PDF breaks over pages (a kept one flows when it is taller than a page) is not kept whole:
      // keeping an item with the next, which begins a page, would move it, and all kept with it, to a page of its own.
      const keepListWhole = keepWhole && !block.items.some((_, j) => (j > 0 && breaks.before([...path, j])) || breaks.within([...path, j]).length > 0);
      return block.items.map(
        (item, i) =>
          new Paragraph({
            style: wordStyleId('listItem'),
            numbering: { reference: 'bullets', level: 0 },
            pageBreakBefore: (pageBreakBefore && i === 0) || breaks.before([...path, i]),
            keepLines: keepListWhole || undefined,
            keepNext: (keepListWhole && i < block.items.length - 1) || undefined,
            ...inNote(placement, styleSheet(theme).listItem.spaceBefore, {
              hanging: twips(styleSheet(theme).listItem.indent),
              first: placement.note?.first && i === 0,
            }),
            children: runsWithBreaks(item, breaks, [...path, i]),
          }),
      );
    }
    case 'box': {
      const { spaceBefore, padding } = boxMetrics(theme);
      return [
        // A table has no space above of its own: an empty paragraph exactly that tall stands for it.
        new Paragraph({ pageBreakBefore, spacing: { before: 0, after: 0, line: twips(spaceBefore), lineRule: LineRuleType.EXACT }, children: [] }),
        new Table({
          width: { size: twips(contentWidth), type: WidthType.DXA },
          columnWidths: [twips(contentWidth)],
          borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
          rows: [
            new TableRow({
              // Kept on one page, as the PDF keeps the box.
              cantSplit: true,
              children: [
                new TableCell({
                  shading: { type: ShadingType.CLEAR, fill: theme.colours.boxFill.replace('#', ''), color: 'auto' },
                  margins: { top: twips(padding), bottom: twips(padding), left: twips(padding), right: twips(padding) },
                  // Word breaks no page at a paragraph inside a table: a page that begins with the box breaks before it (above).
                  children: docxBlocks(
                    block.blocks,
                    theme,
                    contentWidth - 2 * padding,
                    placement.pages,
                    allBlocks,
                    placement.levels,
                    path,
                    PageBreaks.none,
                  ) as Paragraph[],
                }),
              ],
            }),
          ],
        }),
      ];
    }
    case 'note': {
      const { rule, gap } = noteMetrics(theme);
      return docxBlocks(block.blocks, theme, contentWidth - rule - gap, placement.pages, allBlocks, placement.levels, path, breaks, noteFrame(theme));
    }
    case 'contents':
      return docxContents(block.title, allBlocks, twips(contentWidth), pageBreakBefore, placement.pages, (line) => breaks.before([...path, line]));
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
