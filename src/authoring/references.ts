import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseMedline } from './medline.js';

/** The parts of a CSL-JSON item that an entry is made from. */
export interface ReferenceItem {
  title?: string;
  abstract?: string;
  'container-title'?: string | string[];
  publisher?: string;
  DOI?: string;
  URL?: string;
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };
}

export class ReferenceFormatError extends Error {}

const FORMATS: Record<string, string> = {
  '.ris': 'RIS',
  '.bib': 'BibTeX',
  '.bibtex': 'BibTeX',
  '.nbib': 'MEDLINE',
  '.medline': 'MEDLINE',
  '.json': 'CSL-JSON',
};

/** The references in an export from a reference manager or database: RIS, BibTeX, MEDLINE (.nbib) or CSL-JSON, chosen by file ending. */
export async function readReferences(path: string): Promise<{ format: string; items: ReferenceItem[] }> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new ReferenceFormatError(`cannot tell the format of ${path}: name it .ris, .bib, .nbib or .json (CSL-JSON)`);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (format === 'MEDLINE') return { format, items: parseMedline(text) };
  if (format === 'CSL-JSON') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ReferenceFormatError(`${path} is not valid JSON: ${(error as Error).message}`);
    }
    const items = Array.isArray(data) ? data : [data];
    if (!items.every((i) => i && typeof i === 'object')) throw new ReferenceFormatError(`${path} is not CSL-JSON: expected a list of reference objects`);
    return { format, items: items as ReferenceItem[] };
  }
  // citation-js, with the RIS and BibTeX plugins, loaded only when needed.
  const { Cite } = await import('@citation-js/core');
  await import('@citation-js/plugin-ris');
  await import('@citation-js/plugin-bibtex');
  try {
    const cite = await Cite.async(text, { forceType: format === 'RIS' ? '@ris/file' : '@biblatex/text' });
    return { format, items: cite.data as ReferenceItem[] };
  } catch (error) {
    throw new ReferenceFormatError(`${path} could not be read as ${format}: ${(error as Error).message}`);
  }
}
