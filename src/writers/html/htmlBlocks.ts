import { imageSize } from 'image-size';
import { plainText, type Block, type Inline, type Paragraph } from '../../document/types.js';
import type { HtmlTheme } from '../../theme/types.js';
import { htmlContents } from './htmlContents.js';
import { htmlInlines } from './htmlInlines.js';
import { attribute } from './htmlText.js';

/**
 * What every block needs to know of the rest of the page: the theme (images), each heading's
 * outline level (outlineLevels: its rank in the page is one more, as the brief's title is the
 * h1), the heading an access marker's "*" points to, and the whole Document's blocks (for the
 * contents). `state` is what the page has written so far: whether its h1 is out, and how many
 * boxes (for their labels' ids, numbered so that the same Document gives the same bytes).
 */
export interface HtmlContext {
  theme: HtmlTheme;
  levels: Map<string, 1 | 2 | 3>;
  allBlocks: readonly Block[];
  /** The id of the heading that explains the access markers (the closing note's), if any. */
  accessNoteId: string | undefined;
  state: { h1Written: boolean; boxes: number };
}

/** The accessible name of an access marker's "*": what following it gives. */
export const ACCESS_MARKER_NAME = 'how to get access: see the closing note';

/** Blocks in sequence, each as htmlBlock writes it (inside a box or a note: no sections or articles there). */
export function htmlBlocks(blocks: readonly Block[], context: HtmlContext): string {
  let out = '';
  for (const block of blocks) out += htmlBlock(block, context);
  return out;
}

/**
 * One block as HTML, kind by kind (mirrors pdfBlocks and docxBlocks): a heading at its rank
 * with its id; a paragraph by role (the first title paragraph is the page's h1); a real list;
 * the box as a labelled region; a note set apart (an aside with the role of a note, which is
 * no landmark: a page with dozens of notes would otherwise list them all as regions); the
 * contents as a nav; no page breaks on screen; an image inlined as a data: URI.
 */
export function htmlBlock(block: Block, context: HtmlContext): string {
  switch (block.kind) {
    case 'heading': {
      const rank = (context.levels.get(block.id) ?? block.level) + 1;
      const kind = block.level === 1 ? 'section' : block.level === 2 ? 'subsection' : 'entry';
      return `<h${rank}${attribute('id', block.id)} class="brief-${kind}-title">${htmlInlines(block.content)}</h${rank}>\n`;
    }
    case 'paragraph':
      return paragraph(block, context);
    case 'list': {
      if (block.items.length === 0) return '';
      return `<ul>${block.items.map((item) => `<li>${htmlInlines(item)}</li>`).join('')}</ul>\n`;
    }
    case 'box': {
      // Labelled by its caption ("Please acknowledge this work ..."), so it is a region of its own.
      const [first, ...rest] = block.blocks;
      if (first?.kind !== 'paragraph' || first.role !== 'caption') return `<div class="brief-box">\n${htmlBlocks(block.blocks, context)}</div>\n`;
      const id = `brief-box-${++context.state.boxes}-label`;
      return `<section class="brief-box"${attribute('aria-labelledby', id)}>\n<p${attribute('id', id)} class="brief-caption">${htmlInlines(first.content)}</p>\n${htmlBlocks(rest, context)}</section>\n`;
    }
    case 'note':
      return `<aside class="brief-note" role="note">\n${htmlBlocks(block.blocks, context)}</aside>\n`;
    case 'contents':
      return htmlContents(block.title, context.allBlocks);
    case 'pageBreak':
      return '';
    case 'image':
      return image(block.name, block.alt, block.width, context.theme);
  }
}

function paragraph(block: Paragraph, context: HtmlContext): string {
  if (block.role === 'title' && !context.state.h1Written) {
    context.state.h1Written = true;
    return `<h1 class="brief-title">${htmlInlines(block.content)}</h1>\n`;
  }
  const content = block.role === 'source' ? sourceLine(block.content, context.accessNoteId) : htmlInlines(block.content);
  return block.role === 'body' ? `<p>${content}</p>\n` : `<p class="brief-${block.role}">${content}</p>\n`;
}

/**
 * An entry's source line, whose access marker ("Abstract only*", set in italics, then "*")
 * has its "*" as a link to the heading that explains it, named for what it leads to.
 */
function sourceLine(content: readonly Inline[], accessNoteId: string | undefined): string {
  const last = content.at(-1);
  const before = content.at(-2);
  if (accessNoteId === undefined || last?.kind !== 'text' || !last.text.endsWith('*') || before?.kind !== 'emphasis') return htmlInlines(content);
  const marker = `<a class="brief-access-marker"${attribute('href', `#${accessNoteId}`)}${attribute('aria-label', ACCESS_MARKER_NAME)}>*</a>`;
  return `${htmlInlines([...content.slice(0, -1), { kind: 'text', text: last.text.slice(0, -1) }])}${marker}`;
}

/**
 * A theme image inlined as a data: URI (the page is one file), with its alternative text and
 * its size in CSS pixels (the Document gives points: 96 pixels an inch, 72 points).
 */
function image(name: string, alt: string, width: number, theme: HtmlTheme): string {
  const data = theme.images[name];
  if (!data) throw new Error(`the layout shows the image "${name}", which the theme "${theme.id}" does not have`);
  const size = imageSize(data);
  const pixels = Math.round((width * 96) / 72);
  const height = Math.round((pixels * (size.height ?? 1)) / (size.width ?? 1));
  const type = size.type === 'jpg' ? 'image/jpeg' : 'image/png';
  const src = `data:${type};base64,${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}`;
  return `<img${attribute('class', `brief-image brief-image-${name}`)}${attribute('src', src)}${attribute('alt', alt)}${attribute('width', pixels)}${attribute('height', height)}>\n`;
}

/** The heading the access markers point to: the one whose text begins with "*" (the closing note's), else none. */
export function accessNoteId(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) if (block.kind === 'heading' && plainText(block.content).startsWith('*')) return block.id;
  return undefined;
}
