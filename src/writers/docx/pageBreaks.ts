import type { PageMap } from '../../document/types.js';

/**
 * Where the Word document breaks its pages: where the PDF's pages begin (`PageMap.starts`),
 * looked up by a block's path (see `TextPlace`). With a break wherever a PDF page begins, and
 * a page frame a little taller than the PDF's (writeDocx.ts), every Word page holds what the
 * PDF's page of that number holds, so the PDF's page numbers are Word's.
 */
export class PageBreaks {
  private readonly atStart = new Set<string>();
  private readonly inside = new Map<string, number[]>();
  private readonly inWords = new Map<string, number[]>();

  /** `starts[n - 1]` is where page n begins (the first page needs no break); `wordBreaks`, where the PDF's lines begin inside a word. */
  constructor({ starts, wordBreaks }: Pick<PageMap, 'starts' | 'wordBreaks'> = { starts: [], wordBreaks: [] }) {
    for (const place of wordBreaks) {
      const key = place.path.join(',');
      this.inWords.set(key, [...(this.inWords.get(key) ?? []), place.offset]);
    }
    for (const start of starts.slice(1)) {
      if (!start) continue;
      if (start.offset > 0) {
        const key = start.path.join(',');
        this.inside.set(key, [...(this.inside.get(key) ?? []), start.offset]);
        continue;
      }
      // A page that begins with a box's (or list's, or the contents') first text begins with the box.
      const path = [...start.path];
      this.atStart.add(path.join(','));
      while (path.length > 1 && path.at(-1) === 0) {
        path.pop();
        this.atStart.add(path.join(','));
      }
    }
  }

  /** Whether a page begins with the block (or item, or contents line) at `path`. */
  before(path: readonly number[]): boolean {
    return this.atStart.has(path.join(','));
  }

  /** Where pages begin inside the block at `path`: characters of its plain text before each, ascending. */
  within(path: readonly number[]): number[] {
    return [...(this.inside.get(path.join(',')) ?? [])].sort((a, b) => a - b);
  }

  /**
   * Where the PDF's lines begin inside a word of the block at `path` (characters before each,
   * ascending): Word is given a break opportunity there (a zero-width space), so that it never
   * needs more lines than the PDF for the same text.
   */
  wordBreaks(path: readonly number[]): number[] {
    return [...(this.inWords.get(path.join(',')) ?? [])].sort((a, b) => a - b);
  }

  /** None: for blocks inside a table, where Word does not break pages at a paragraph's request. */
  static readonly none = new PageBreaks();
}
