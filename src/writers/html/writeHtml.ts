import { outlineLevels, type Block, type Document } from '../../document/types.js';
import type { HtmlTheme } from '../../theme/types.js';
import { accessNoteId, htmlBlock, type HtmlContext } from './htmlBlocks.js';
import { htmlStyle } from './htmlStyle.js';
import { attribute, text } from './htmlText.js';

/** A document built together with the page, linked from near its top. */
export interface Download {
  /** Its file name, relative to the page (they are written to the same folder). */
  href: string;
  /** "PDF" or "Word document". */
  label: string;
  /** Its MIME type, e.g. "application/pdf". */
  type: string;
  /** Its size, in bytes. */
  bytes: number;
}

export interface HtmlOptions {
  /** The PDF and .docx written beside the page, in this order: none when the page is built alone. */
  downloads?: readonly Download[];
}

/**
 * The HTML writer: a Document in the theme's colours and font, to one self-contained page
 * (UTF-8 bytes; style sheet and images inlined; mirrors writePdf and writeDocx). Same Document,
 * same options, same bytes. Throws when style.css cannot be read or an image is missing.
 *
 * The page: a skip link to `<main>`; a `<header>` with the title-page blocks (those before
 * the contents or the first heading; the brief's title is the page's only h1); the contents
 * as a `<nav>`; then `<main>`, in which each section (h2) and subsection (h3) is a `<section>`
 * and each entry (its title one rank below the heading it is under, its source line and
 * summary) an `<article>`. No running header or footer, no page breaks, no page numbers.
 */
export function writeHtml(document: Document, theme: HtmlTheme, { downloads = [] }: HtmlOptions = {}): Buffer {
  const { meta, blocks } = document;
  const context: HtmlContext = {
    theme,
    levels: outlineLevels(blocks),
    allBlocks: blocks,
    accessNoteId: accessNoteId(blocks),
    state: { h1Written: false, boxes: 0 },
  };
  const headerEnds = blocks.findIndex((b) => b.kind === 'contents' || b.kind === 'heading');
  const titlePage = headerEnds < 0 ? blocks : blocks.slice(0, headerEnds);
  const rest = headerEnds < 0 ? [] : blocks.slice(headerEnds);

  let body = '<a class="brief-skip-link" href="#main">Skip to main content</a>\n<header class="brief-header">\n';
  // The page has one h1, the brief's title: from the title page, or else the Document's title.
  const hasTitle = titlePage.some((b) => b.kind === 'paragraph' && b.role === 'title');
  if (!hasTitle) {
    context.state.h1Written = true;
    body += `<h1 class="brief-title">${text(meta.title)}</h1>\n${downloadLinks(downloads)}`;
  }
  for (const block of titlePage) {
    const h1Before = context.state.h1Written;
    body += htmlBlock(block, context);
    if (!h1Before && context.state.h1Written) body += downloadLinks(downloads);
  }
  body += '</header>\n';
  body += mainPart(rest, context);

  const page = [
    '<!DOCTYPE html>',
    `<html${attribute('lang', meta.language)}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(meta.title)}</title>`,
    `<meta name="author"${attribute('content', meta.author)}>`,
    `<meta name="description"${attribute('content', meta.subject)}>`,
    `<meta name="keywords"${attribute('content', meta.keywords.join(', '))}>`,
    `<style>\n${htmlStyle(theme)}</style>`,
    '</head>',
    '<body>',
    `${body}</body>`,
    '</html>',
    '',
  ].join('\n');
  return Buffer.from(page, 'utf8');
}

/**
 * The contents (a nav, before `<main>` when it comes before the first heading, as it does),
 * then `<main>`, with a `<section>` for each section and subsection and an `<article>` for each
 * entry: an entry is its title and the paragraphs and lists after it; a note, box, image or
 * heading ends it.
 */
function mainPart(blocks: readonly Block[], context: HtmlContext): string {
  let out = '';
  let mainOpen = false;
  const open: ('section' | 'subsection' | 'article')[] = [];
  const close = (down: 'section' | 'subsection' | 'article') => {
    while (open.length > 0 && rank(open.at(-1) as 'section') >= rank(down)) out += open.pop() === 'article' ? '</article>\n' : '</section>\n';
  };
  for (const block of blocks) {
    if (block.kind === 'pageBreak') continue;
    if (!mainOpen && block.kind !== 'contents') {
      // tabindex -1: the skip link's target takes the focus, so the next Tab starts inside it.
      out += '<main id="main" class="brief-main" tabindex="-1">\n';
      mainOpen = true;
    }
    if (block.kind === 'heading') {
      const kind = block.level === 1 ? 'section' : block.level === 2 ? 'subsection' : 'article';
      close(kind);
      out += kind === 'article' ? '<article class="brief-entry">\n' : `<section class="brief-${kind}">\n`;
      open.push(kind);
    } else if (block.kind !== 'paragraph' && block.kind !== 'list') {
      close('article');
    }
    out += htmlBlock(block, context);
  }
  close('section');
  return mainOpen ? `${out}</main>\n` : `${out}<main id="main" class="brief-main" tabindex="-1"></main>\n`;
}

function rank(kind: 'section' | 'subsection' | 'article'): number {
  return kind === 'section' ? 1 : kind === 'subsection' ? 2 : 3;
}

/** Links to the documents built with the page, with their kind and size ("PDF, 249 KB"). */
function downloadLinks(downloads: readonly Download[]): string {
  if (downloads.length === 0) return '';
  const links = downloads.map((d) => `<a${attribute('href', d.href)}${attribute('type', d.type)}>${text(`${d.label}, ${Math.round(d.bytes / 1024)} KB`)}</a>`);
  const list = links.length === 1 ? links[0] : `${links.slice(0, -1).join(', ')} or ${links.at(-1)}`;
  return `<p class="brief-downloads">Download this brief as a ${list}</p>\n`;
}
