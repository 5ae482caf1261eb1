import type { Content } from 'pdfmake/interfaces.js';
import { keepsWithNext, plainText, type Block, type Heading } from '../../document/types.js';
import { boxMetrics, noteMetrics, styleSheet } from '../../theme/styleSheet.js';
import type { WriterTheme } from '../../theme/types.js';
import { pdfContents } from './pdfContents.js';
import { pdfInlines } from './pdfInlines.js';
import type { PdfStyles } from './pdfStyles.js';
import { markPieces, type PageStartLog } from './engine/pageStarts.js';
import type { TagNode, TagTree } from './pdfTags.js';

/**
 * Where blocks go in the structure tree, each heading's level in it, and the theme's styles;
 * for page starts (pageStarts.ts), the document's log and `path`: the path of the block
 * being made, or (given to pdfBlocks) of the box whose blocks these are ([] for the document's);
 * and `width`, the width the blocks are set in, in points.
 */
interface Tagging {
  tree: TagTree;
  parent: TagNode;
  levels: Map<string, 1 | 2 | 3>;
  styles: PdfStyles;
  pageStarts: PageStartLog;
  path: number[];
  width: number;
}

/**
 * The Document's blocks as pdfmake content, kind by kind (mirrored by the docx writer), each
 * tagged with its structure element. A heading, with the source line under it and the first
 * block after those, is one unbreakable unit, so no heading is left alone at the foot of a page.
 */
export function pdfBlocks(blocks: readonly Block[], theme: WriterTheme, tagging: Tagging, allBlocks: readonly Block[] = blocks): Content[] {
  const out: Content[] = [];
  const parents = outlineParents(blocks);
  let breakBefore = false;
  let keepWithNext: Content[] | undefined;
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    const here = { ...tagging, path: [...tagging.path, index] };
    const node = pdfBlock(block, theme, here, allBlocks, parents);
    markBlock(block, node, here);
    if (keepWithNext) {
      keepWithNext.push(node);
      if (!keepsWithNext(block)) keepWithNext = undefined;
      continue;
    }
    // A page break goes on the outermost node: pdfmake ignores it inside an unbreakable stack.
    const pageBreak = breakBefore ? { pageBreak: 'before' as const } : {};
    breakBefore = false;
    if (keepsWithNext(block)) {
      keepWithNext = [node];
      out.push({ stack: keepWithNext, unbreakable: true, ...pageBreak });
    } else {
      out.push(Object.assign(node as object, pageBreak) as Content);
    }
  }
  return out;
}

function pdfBlock(
  block: Exclude<Block, { kind: 'pageBreak' }>,
  theme: WriterTheme,
  tagging: Tagging,
  allBlocks: readonly Block[],
  parents: Map<string, string>,
): Content {
  const { tree, parent, styles } = tagging;
  switch (block.kind) {
    case 'heading': {
      const style = styles[`h${block.level}`];
      return {
        text: pdfInlines(block.content, tree.add(parent, `H${tagging.levels.get(block.id) ?? block.level}`), tree, style.text, styles.link),
        margin: style.margin,
        id: block.id,
        headlineLevel: block.level,
        outline: true,
        outlineText: plainText(block.content),
        outlineParentId: parents.get(block.id),
        outlineExpanded: block.level === 1,
      } as Content; // the typings allow `id` on anchors only; pdfmake takes it on any text
    }
    case 'paragraph': {
      const style = styles[block.role];
      return { text: pdfInlines(block.content, tree.add(parent, 'P'), tree, style.text, styles.link), margin: style.margin };
    }
    case 'list': {
      const list = tree.add(parent, 'L');
      const indent = styleSheet(theme).listItem.indent;
      const style = styles.listItem;
      return {
        stack: block.items.map((item) => {
          const listItem = tree.add(list, 'LI');
          return {
            columns: [
              { width: indent, text: [{ text: '\u2022', ...style.text, color: theme.colours.heading, _tag: tree.tag(tree.add(listItem, 'Lbl')) } as Content] },
              // A width in points, not '*': pdfmake widens a '*' column to its longest word, which then ran off the page.
              { width: tagging.width - indent, text: pdfInlines(item, tree.add(listItem, 'LBody'), tree, style.text, styles.link) },
            ],
            margin: style.margin,
          };
        }),
      };
    }
    case 'box': {
      const { spaceBefore, padding } = boxMetrics(theme);
      const inside = pdfBlocks(block.blocks, theme, { ...tagging, parent: tree.add(parent, 'Div'), width: tagging.width - 2 * padding }, allBlocks);
      // Kept on one page, as Word keeps a table row that may not split (the box's tail once spilled onto a page of its own).
      return {
        table: { widths: [tagging.width], body: [[{ stack: inside, fillColor: theme.colours.boxFill, margin: [padding, padding, padding, padding] }]] },
        layout: 'noBorders',
        unbreakable: true,
        margin: [0, spaceBefore, 0, 0],
      };
    }
    case 'note': {
      // A rule down the left side (the cell's left border), the blocks beside it; it may run over pages, the rule with it.
      const { spaceBefore, rule, gap, colour } = noteMetrics(theme);
      const inside = pdfBlocks(block.blocks, theme, { ...tagging, parent: tree.add(parent, 'Div'), width: tagging.width - rule - gap }, allBlocks);
      return {
        table: { widths: [tagging.width - rule - gap], body: [[{ stack: inside }]] },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? rule : 0),
          vLineColor: () => colour,
          paddingLeft: () => gap,
          paddingRight: () => 0,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
        margin: [0, spaceBefore, 0, 0],
      };
    }
    case 'contents':
      return { stack: pdfContents(block.title, allBlocks, theme, parent, tree, styles, tagging.width) };
    case 'image':
      if (!theme.images[block.name]) throw new Error(`the layout shows the image "${block.name}", which the theme "${theme.id}" does not have`);
      return { image: imagePath(theme, block.name), width: block.width, _tag: tree.tag(tree.add(parent, 'Figure', { alt: block.alt })) } as Content;
  }
}

/**
 * Mark a block's text pieces with its path: a list's items and the contents' lines each with
 * their own (an item's bullet and text each from 0: the bullet is not in the Document's text);
 * a box's blocks were marked as they were made.
 */
function markBlock(block: Block, node: Content, { path, pageStarts }: Tagging): void {
  const parts = (node as { stack?: { columns?: Content[] }[] }).stack;
  if (block.kind === 'list' && parts) {
    for (const [i, item] of parts.entries()) for (const column of item.columns ?? []) markPieces(column, [...path, i], pageStarts);
  } else if (block.kind === 'contents' && parts) {
    for (const [i, line] of parts.entries()) markPieces(line, [...path, i], pageStarts);
  } else markPieces(node, path, pageStarts);
}

/** Each heading's parent in the bookmarks: subsections under their section, entries under the nearest heading above. */
function outlineParents(blocks: readonly Block[]): Map<string, string> {
  const parents = new Map<string, string>();
  const last: Partial<Record<1 | 2, Heading>> = {};
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    if (block.level === 1) {
      last[1] = block;
      delete last[2];
    } else {
      const parent = block.level === 3 ? (last[2] ?? last[1]) : last[1];
      if (parent) parents.set(block.id, parent.id);
      if (block.level === 2) last[2] = block;
    }
  }
  return parents;
}

/** Where a theme image lives in pdfmake's virtual file system. */
export function imagePath(theme: WriterTheme, name: string): string {
  return `themes/${theme.id}/images/${name}`;
}
