import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark goes to. */
  page: number;
  children: OutlineEntry[];
}

export interface PdfLink {
  /** 1-based page the link is on. */
  page: number;
  /** An external link's address, or an internal link's destination (a heading id). */
  url?: string;
  dest?: string;
  /** The 1-based page an internal link's destination is on. */
  destPage?: number;
}

export interface PdfReadBack {
  /** Each page's text, whitespace collapsed. */
  pages: string[];
  links: PdfLink[];
  outline: OutlineEntry[];
  info: Record<string, unknown>;
  displayDocTitle: boolean;
}

/** Open a PDF the way a reader's viewer does (pdf.js) and read back its text, bookmarks and metadata. */
export async function readPdf(path: string): Promise<PdfReadBack> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: string[] = [];
  const links: PdfLink[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    for (const annotation of (await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
      if (annotation.subtype !== 'Link') continue;
      const dest = typeof annotation.dest === 'string' ? annotation.dest : undefined;
      const target = dest ? ((await doc.getDestination(dest)) as [{ num: number; gen: number }] | null) : null;
      links.push({ page: i, url: annotation.url, dest, ...(target ? { destPage: (await doc.getPageIndex(target[0])) + 1 } : {}) });
    }
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  type RawOutline = { title: string; dest: unknown; items: RawOutline[] };
  const resolve = async (items: RawOutline[]): Promise<OutlineEntry[]> =>
    Promise.all(
      items.map(async (item) => {
        const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) as [{ num: number; gen: number }] | null;
        const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : 0;
        return { title: item.title, page, children: await resolve(item.items) };
      }),
    );
  const outline = await resolve(((await doc.getOutline()) ?? []) as RawOutline[]);
  const { info } = await doc.getMetadata();
  const preferences = (await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
  await doc.destroy();
  return { pages, links, outline, info: info as Record<string, unknown>, displayDocTitle: preferences?.DisplayDocTitle === true };
}
