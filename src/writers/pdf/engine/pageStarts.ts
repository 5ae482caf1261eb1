import type { TextPlace } from '../../../document/types.js';

/**
 * Where each PDF page begins, in Document terms (`TextPlace`: a block's path and how many
 * characters of its text are on earlier pages), for the Word writer to break its pages at.
 *
 * Every text piece made for a block is marked (`markPieces`) with `_pageStart`: the block's
 * path, where the piece begins in the block's plain text, and the document's log. pdfmake
 * copies a piece's own properties onto each word it lays out of it (so the marks reach the
 * laid-out lines, as `_tag` does), and a piece's words concatenate to its text (pdfmake
 * cuts spaces at line ends by width, not from the text). Once the pages are laid out, and
 * before they are drawn, `reportPageStarts` reads each page's lines in order: the first
 * marked word on a page is where it begins, at the piece's start plus the text of that
 * piece's words on earlier lines. Called by the Renderer (taggedRenderer.ts) as drawing
 * starts; it assumes of pdfmake 0.3.11 that the Renderer's `renderPages` gets every laid-out
 * page, whose `items` are in reading order, a text line being `{ type: 'line', item }` with
 * `item.inlines` its words (checked by tests/pdf-internals.test.ts and, end to end, by
 * tests/documents.property.test.ts, which fails if a page start is misplaced).
 */
export class PageStartLog {
  private reported = false;

  /** `laidOut` is told, once, where the pages begin (and lines inside words), when the pages are laid out. */
  constructor(private readonly laidOut: (text: LaidOutText) => void) {}

  report(text: LaidOutText): void {
    if (this.reported) return;
    this.reported = true;
    this.laidOut(text);
  }
}

interface PieceMark {
  log: PageStartLog;
  path: number[];
  /** Where the piece begins in its block's plain text (UTF-16 code units). */
  start: number;
}

type Node = { text?: unknown; stack?: unknown; columns?: unknown; table?: { body?: unknown }; _pageStart?: PieceMark } | string | unknown[];

/**
 * Mark every text piece in a block's pdfmake content with the block's path and where the
 * piece begins in its text (counted from 0 through the pieces in order). Pieces already marked
 * (those of blocks inside a box) are left as they are. Pieces given as bare strings cannot
 * carry a mark: they are counted, not marked.
 */
export function markPieces(node: unknown, path: number[], log: PageStartLog): void {
  let at = 0;
  const walk = (n: Node): void => {
    if (typeof n === 'string') {
      at += n.length;
    } else if (Array.isArray(n)) {
      for (const child of n) walk(child as Node);
    } else if (n && typeof n === 'object') {
      if (typeof n.text === 'string') {
        if (!n._pageStart) n._pageStart = { log, path, start: at };
        at += n.text.length;
      } else if (n.text !== undefined) walk(n.text as Node);
      if (n.stack !== undefined) walk(n.stack as Node);
      if (n.columns !== undefined) walk(n.columns as Node);
      if (n.table?.body !== undefined) walk(n.table.body as Node);
    }
  };
  walk(node as Node);
}

interface LaidOutPage {
  items: { type: string; item: { inlines?: { text?: string; _pageStart?: PieceMark }[] } }[];
}

/** What layout tells: where each page begins, and where lines begin inside a word (`PageMap`). */
export interface LaidOutText {
  starts: (TextPlace | null)[];
  wordBreaks: TextPlace[];
}

/** Ends a line at a break that is not inside a word: white space, or a soft hyphen (shown or not: Word breaks there itself). */
const BREAKS_AT_END = /[\s\u00ad\ufdd0]$/;

/**
 * Read where each laid-out page begins, and where a line begins inside a word (the line before
 * it, in the same block, ends with no space), and tell the document's log (see above).
 */
export function reportPageStarts(pages: readonly LaidOutPage[]): void {
  const consumed = new Map<PieceMark, number>();
  const wordBreaks: TextPlace[] = [];
  let log: PageStartLog | undefined;
  let last: { path: number[]; text: string } | undefined;
  let previous: typeof last;
  const starts = pages.map((page): TextPlace | null => {
    let start: TextPlace | null = null;
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      let lineStart: TextPlace | null = null;
      for (const word of item.inlines ?? []) {
        const mark = word._pageStart;
        if (!mark) continue;
        log ??= mark.log;
        const before = consumed.get(mark) ?? 0;
        lineStart ??= { path: mark.path, offset: mark.start + before };
        consumed.set(mark, before + (word.text?.length ?? 0));
        last = { path: mark.path, text: word.text ?? '' };
      }
      if (!lineStart) continue;
      start ??= lineStart;
      // The same block's text: marks of one block share its path array (a list item's bullet has its own).
      if (lineStart.offset > 0 && previous && previous.path === lineStart.path && !BREAKS_AT_END.test(previous.text)) wordBreaks.push(lineStart);
      previous = last;
    }
    return start;
  });
  log?.report({ starts, wordBreaks });
}
