import type { Document, PageMap } from '../document/types.js';
import type { Theme } from '../theme/types.js';

/** What the Word writer needs of a theme: all but the PDF's font files and functions, which stay in the PDF's thread. */
export type DocxTheme = Omit<Theme, 'fontData' | 'canDraw'>;

/** One Word document to write elsewhere: the Document, the theme, and where the PDF's pages begin. */
export interface DocxJob {
  document: Document;
  theme: DocxTheme;
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

export function docxTheme(theme: Theme): DocxTheme {
  const { fontData: _fonts, canDraw: _canDraw, ...rest } = theme;
  return rest;
}
