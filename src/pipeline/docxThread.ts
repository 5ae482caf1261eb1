import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Document, PageMap } from '../document/types.js';
import { packageRoot } from '../paths.js';
import type { Theme } from '../theme/types.js';

/** What the Word writer needs of a theme: all but the PDF's font files and functions, which stay in this thread. */
export type DocxTheme = Omit<Theme, 'fontData' | 'canDraw'>;

export interface DocxJob {
  document: Document;
  theme: DocxTheme;
  creator: string;
  pages: PageMap;
}

/**
 * A warm thread that writes Word documents, so that a watcher can make a brief's .docx while
 * this thread is still drawing its PDF: the .docx needs only where the headings land, which
 * the PDF's layout knows before the drawing starts. One job at a time, in order.
 */
export class DocxThread {
  private readonly worker = new Worker(join(packageRoot, 'dist', 'docx-worker.cjs'));
  private readonly pending: { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }[] = [];
  /** False once the thread has stopped (a crash): builds then write the .docx in their own thread. */
  alive = true;

  constructor() {
    this.worker.on('message', (message: { bytes?: Uint8Array; error?: string }) => {
      const job = this.pending.shift();
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(Buffer.from(message.bytes as Uint8Array));
    });
    this.worker.on('error', (error) => {
      for (const job of this.pending.splice(0)) job.reject(error);
    });
    this.worker.on('exit', () => {
      this.alive = false;
      for (const job of this.pending.splice(0)) job.reject(new Error('the thread that writes Word documents stopped'));
    });
  }

  write(job: DocxJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export function docxTheme(theme: Theme): DocxTheme {
  const { fontData: _fonts, canDraw: _canDraw, ...rest } = theme;
  return rest;
}
