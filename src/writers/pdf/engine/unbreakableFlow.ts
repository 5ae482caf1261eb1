import { pdfmakeModule } from './pdfmakeModules.js';

/**
 * A heading is kept on one page with what follows it by an unbreakable stack (pdfBlocks.ts).
 * pdfmake 0.3.11 cannot place such a stack when it is taller than a page: it lays the stack out
 * in a context whose height is NaN (PageElementWriter.beginUnbreakableBlock asks the page for
 * `height`, which pages do not have: they have `pageSize.height`), so the stack never breaks,
 * and a block taller than the page then fits no page and is dropped without a word
 * (pdfmake issue #207, "No support for multi-page unbreakableBlocks", open since 2015). A
 * summary paragraph longer than a page vanished with its heading.
 *
 * This makes such a stack flow, as Word and LibreOffice treat a heading kept with a paragraph
 * longer than a page: it starts on a new page (unless it is at the top of one already), and
 * runs on over as many pages as it needs, each holding what pdfmake laid out for that page.
 * Two adjustments: the stack is laid out in a context one page tall (so pdfmake breaks it into
 * pages as it would any text), and every page of it is placed, not just the first. Stacks
 * that fit one page, and blocks placed at a fixed position (header, footer), are placed by
 * pdfmake's own code as before.
 *
 * It assumes of pdfmake 0.3.11's PageElementWriter: `transactionLevel` counts open
 * unbreakable blocks; `beginUnbreakableBlock(width, height)` lays the block out in a new
 * context of that size; the block's context (`context()`) has `pages` (each with `items`),
 * `y`, `pageMargins` and `availableWidth`; `popContext()`, `moveToNextPage()` and
 * `addFragment(fragment)` (which moves to a new page when a fragment's `height` does not fit).
 * tests/pdf-internals.test.ts guards these; tests/cases.test.ts shows no text is lost.
 */
interface Page {
  items: unknown[];
}

interface Fragment extends Page {
  height: number;
  xOffset?: number;
  yOffset?: number;
}

interface UnbreakableContext {
  pages: Page[];
  y: number;
  page: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } } | null;
  availableWidth: number;
}

export interface PageElementWriterLike {
  transactionLevel: number;
  context(): UnbreakableContext;
  popContext(): void;
  moveToNextPage(pageOrientation?: string): void;
  addFragment(fragment: Fragment, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdateContextPosition?: boolean): boolean;
  beginUnbreakableBlock(width?: number, height?: number): void;
  commitUnbreakableBlock(forcedX?: number, forcedY?: number): void;
}

/** pdfmake's PageElementWriter prototype: the object whose commitUnbreakableBlock this replaces. */
export function pageElementWriterPrototype(): PageElementWriterLike {
  return pdfmakeModule<{ prototype: PageElementWriterLike }>('PageElementWriter').default.prototype;
}

/** The inner height of the page being written, in points. */
function pageHeight(context: UnbreakableContext): number {
  return (context.getCurrentPage()?.pageSize.height ?? 0) - context.pageMargins.top - context.pageMargins.bottom;
}

let installed = false;

export function letUnbreakableBlocksFlow(): void {
  if (installed) return;
  const prototype = pageElementWriterPrototype();
  const begin = prototype.beginUnbreakableBlock;
  const commit = prototype.commitUnbreakableBlock;
  if (
    typeof begin !== 'function' ||
    typeof commit !== 'function' ||
    typeof prototype.addFragment !== 'function' ||
    typeof prototype.moveToNextPage !== 'function'
  ) {
    throw new Error(
      'pdfmake has changed: PageElementWriter.beginUnbreakableBlock, commitUnbreakableBlock, addFragment or moveToNextPage is gone (see unbreakableFlow.ts)',
    );
  }
  prototype.beginUnbreakableBlock = function (this: PageElementWriterLike, width?: number, height?: number) {
    if (this.transactionLevel === 0 && width === undefined && height === undefined) {
      const page = this.context();
      return begin.call(this, page.availableWidth, pageHeight(page));
    }
    return begin.call(this, width, height);
  };
  prototype.commitUnbreakableBlock = function (this: PageElementWriterLike, forcedX?: number, forcedY?: number) {
    const block = this.context();
    const inFlow = forcedX === undefined && forcedY === undefined;
    if (this.transactionLevel !== 1 || !inFlow || block.pages.length < 2) return commit.call(this, forcedX, forcedY);
    this.transactionLevel = 0;
    this.popContext();
    const fullHeight = pageHeight(this.context());
    block.pages.forEach((laidOut, index) => {
      const last = index === block.pages.length - 1;
      // Every page but the last is full, so the first starts a page, and each later one a page of its own.
      if (index > 0) this.moveToNextPage();
      this.addFragment({ items: laidOut.items, height: last ? block.y : fullHeight });
    });
  };
  installed = true;
}
