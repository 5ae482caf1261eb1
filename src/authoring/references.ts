import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DateParts } from './referenceDates.js';
import { type DecodedText, decodeText, EncodingError } from './encoding.js';

/** The parts of a CSL-JSON item that an entry is made from (as formats give them: a field may come as a list). */
export interface ReferenceItem {
  title?: string | string[];
  abstract?: string | string[];
  'container-title'?: string | string[];
  publisher?: string | string[];
  DOI?: string | string[];
  URL?: string | string[];
  issued?: { 'date-parts'?: unknown; literal?: string; raw?: string; season?: number | string };
  /** Set by a reader that reads the format's date fields itself (RIS, MEDLINE): this, not `issued`, is the date. */
  date?: DateParts;
}

/** One reference in an import file, as read: an item, or why it could not be read. */
export interface ImportRecord {
  /** The line of the import file the record begins on, 1-based; undefined when the format does not tell. */
  line?: number;
  item?: ReferenceItem;
  /** Why the record cannot be imported (the other records still are). */
  problem?: string;
  /** What reading it left out or could not use, to be said in the import's output. */
  notes: string[];
}

/** An import file, opened and split into records; converting them (the slow part) is `read`. */
export interface OpenedReferences {
  format: Format;
  decoded: Pick<DecodedText, 'encoding' | 'bom'>;
  /** How many records the file has: known before they are read. */
  count: number;
  /** Notes on the file as a whole, with their lines (text outside any record, say). */
  notes: { line?: number; note: string }[];
  /** The records, in file order; `onProgress` is told how many are done now and then. */
  read(onProgress?: (done: number) => void): Promise<ImportRecord[]>;
}

/** A file that cannot be read as the format its name says: the message names no content of it. */
export class ReferenceFormatError extends Error {}

export type Format = 'RIS' | 'BibTeX' | 'MEDLINE' | 'CSL-JSON';

const FORMATS: Record<string, Format> = {
  '.ris': 'RIS',
  '.bib': 'BibTeX',
  '.bibtex': 'BibTeX',
  '.nbib': 'MEDLINE',
  '.medline': 'MEDLINE',
  '.json': 'CSL-JSON',
};

/**
 * The largest import file read, in bytes (64 MiB): some 150,000 RIS records with abstracts,
 * far more than one section can hold (the schema's limit), and checked before anything is read.
 */
export const MAX_IMPORT_BYTES = 64 * 1_048_576;

/**
 * Opens an export from a reference manager or database: RIS, BibTeX, MEDLINE (.nbib) or
 * CSL-JSON, chosen by file ending. Decodes it (UTF-8, UTF-16 with a byte order mark, or
 * Windows-1252: see encoding.ts), checks that it is text in that format, and splits it into
 * records. Throws ReferenceFormatError (a short message without the file's content) for an
 * unknown ending, a file over MAX_IMPORT_BYTES, binary data, or a file not in its format;
 * the file system's errors (ENOENT...) as they are.
 */
export async function openReferences(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<OpenedReferences> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new ReferenceFormatError(`cannot tell the format of ${path}: name it .ris, .bib, .nbib or .json (CSL-JSON)`);
  const bytes = await readAtMost(path, maxBytes);
  let decoded: DecodedText;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new ReferenceFormatError(`${path}: ${error.message}`);
    throw error;
  }
  const name = { RIS: 'RIS', BibTeX: 'BibTeX', MEDLINE: 'MEDLINE (.nbib)', 'CSL-JSON': 'CSL-JSON' }[format];
  const binary = notText(decoded.text);
  if (binary) throw new ReferenceFormatError(`${path} is not a ${name} file: ${binary}`);
  const { text } = decoded;
  const opened =
    format === 'RIS'
      ? (await import('./ris.js')).openRis(text)
      : format === 'MEDLINE'
        ? (await import('./medline.js')).openMedline(text)
        : format === 'BibTeX'
          ? (await import('./bibtex.js')).openBibtex(text)
          : (await import('./cslJson.js')).openCslJson(text);
  if (typeof opened === 'string') throw new ReferenceFormatError(`${path} is not a ${name} file: ${opened}`);
  return { format, decoded: { encoding: decoded.encoding, bom: decoded.bom }, ...opened };
}

/** What a format's reader gives once it has split a file (or why the text is not in its format). */
export type Opened = Omit<OpenedReferences, 'format' | 'decoded'> | string;

async function readAtMost(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      const mb = (n: number) => `${(n / 1_048_576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
      throw new ReferenceFormatError(`${path} is ${mb(size)}: an import file is at most ${mb(maxBytes)}; split the export into smaller files`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Why decoded text is not text at all (a binary file given a reference file's name), or
 * undefined. A NUL, or control characters (other than tab, line and page breaks) making more
 * than 1 in 100 characters, is binary; a stray control character in a real export is left to
 * the record it is in (the schema refuses it there, naming its line).
 */
function notText(text: string): string | undefined {
  if (text.includes('\0')) return 'it has NUL bytes, so it is binary data (or UTF-16 without a byte order mark), not text';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  const controls = text.match(/[\x01-\x08\x0E-\x1F\x7F-\x9F\uFFFD]/g)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) return 'it is binary data, not text';
  return undefined;
}

/** A value that a format gave as a list where one was expected: the first, and a note of the others. */
export function firstOf(values: string | string[] | undefined, what: string, notes: string[]): string | undefined {
  if (!Array.isArray(values)) return values;
  const [first, ...others] = values;
  if (others.length > 0) notes.push(`${values.length} ${what}s: kept the first, "${first}"; left out ${others.map((o) => `"${o}"`).join(', ')}`);
  return first;
}

/** Each of `items` read into a record, in order, telling `onProgress` every thousand. */
export function readEach<T>(items: T[], read: (item: T) => ImportRecord, onProgress?: (done: number) => void): ImportRecord[] {
  return items.map((item, i) => {
    if (i % 1000 === 999) onProgress?.(i + 1);
    return read(item);
  });
}
