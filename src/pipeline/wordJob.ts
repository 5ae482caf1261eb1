import type { Document, PageMap } from '../document/types.js';
import type { Theme, WordTheme } from '../theme/types.js';

/** One Word document to write elsewhere: the Document, the theme, and where the PDF's pages begin. */
export interface DocxJob {
  document: Document;
  theme: WordTheme;
  creator: string;
  pages: PageMap;
}

/**
 * Somewhere else to write Word documents while this thread draws the PDF (the engine's Word
 * thread, see src/engine/wordThread.ts). `alive` is false once it has stopped: builds then
 * write the .docx in their own thread.
 */
export interface WordWriter {
  readonly alive: boolean;
  write(job: DocxJob): Promise<Buffer>;
}

/** What the Word writer needs of a theme, to send to another thread: the font files, the file list and `canDraw` (a function, which cannot be sent) stay in this one. */
export function wordTheme(theme: Theme): WordTheme {
  const { fontData: _fonts, files: _files, canDraw: _canDraw, ...rest } = theme;
  return rest;
}
