import type { IncomingMessage, ServerResponse } from 'node:http';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import send from 'send';

/** The documents a brief has in the output folder, in the order the preview lists them. */
export const DOCUMENT_KINDS = [
  { extension: 'html', label: 'Web page (HTML)' },
  { extension: 'pdf', label: 'PDF' },
  { extension: 'docx', label: 'Word document (.docx)' },
] as const;
export type DocumentExtension = (typeof DOCUMENT_KINDS)[number]['extension'];

export const isDocumentExtension = (extension: string): extension is DocumentExtension => DOCUMENT_KINDS.some((k) => k.extension === extension);

/**
 * The real path of output/<name>.<extension> when it may be served: a regular file directly in the
 * output folder once every symbolic link is followed (a link in output/ to a file elsewhere is
 * refused); otherwise undefined. The name must already be a brief's name (never a piece of a URL).
 */
export async function servableDocument(outputDir: string, name: string, extension: DocumentExtension): Promise<string | undefined> {
  try {
    const folder = await realpath(outputDir);
    const real = await realpath(join(outputDir, `${name}.${extension}`));
    if (dirname(real) !== folder || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** Which of a brief's documents can be served now. */
export async function documentsOf(outputDir: string, name: string): Promise<DocumentExtension[]> {
  const found = await Promise.all(DOCUMENT_KINDS.map(async (k) => ((await servableDocument(outputDir, name, k.extension)) ? k.extension : undefined)));
  return found.filter((e): e is DocumentExtension => e !== undefined);
}

/**
 * Send a file found by servableDocument, with `send` (conditional requests, ranges for PDF viewers,
 * HEAD, content types). It is given the folder as its root and the bare file name, so its own
 * checks (no "..", no dot files) apply as a second guard. `failed` answers when it cannot.
 */
export function sendDocument(
  request: IncomingMessage,
  response: ServerResponse,
  realPath: string,
  headers: Record<string, string>,
  failed: (status: number) => void,
): void {
  send(request, `/${encodeURIComponent(basename(realPath))}`, { root: dirname(realPath), dotfiles: 'deny', index: false, cacheControl: false })
    .on('headers', (res: ServerResponse) => {
      res.setHeader('Cache-Control', 'no-cache');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    })
    .on('error', (error: { status?: number }) => failed(error.status ?? 500))
    .pipe(response);
}
