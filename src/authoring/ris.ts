import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { mostPrecise, readDateText } from './referenceDates.js';
import { type ImportRecord, type Opened, type ReferenceItem, readEach } from './references.js';

/**
 * RIS, read record by record: the file is split at its "TY  - " and "ER  - " lines (so that each
 * record knows its line, and one bad record does not stop the others), and citation-js reads
 * each record's tags and makes the CSL item. Its dates, links and DOI are then taken from the
 * tags themselves: citation-js reads one date field of several, and gives a list where a tag
 * comes twice, which its conversion cannot take.
 */

/** A tag line as citation-js's RIS plugin reads one (after trimming): two characters, two spaces, a hyphen. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: |$)/;

interface Chunk {
  line: number;
  lines: string[];
}

/** The records of a RIS file (see above), or why it is not RIS. */
export function openRis(text: string): Opened {
  const lines = text.split(/\r\n?|\n/);
  const chunks: Chunk[] = [];
  const notes: { line?: number; note: string }[] = [];
  let current: Chunk | undefined;
  let outside: number | undefined;
  lines.forEach((raw, i) => {
    const tag = TAG_LINE.exec(raw.trim())?.[1];
    if (tag === 'TY') {
      current = { line: i + 1, lines: [] };
      chunks.push(current);
    }
    if (current) {
      current.lines.push(raw);
      if (tag === 'ER') current = undefined;
    } else if (raw.trim() !== '' && outside === undefined) {
      outside = i + 1;
      notes.push({ line: i + 1, note: 'text outside any record (records begin with a "TY  - " line and end with "ER  - "): left out' });
    } else if (raw.trim() === '') outside = undefined;
  });
  if (chunks.length === 0) return 'no record in it begins with a "TY  - " line';
  return { count: chunks.length, notes, read: async (onProgress) => readEach(chunks, (chunk) => readRecord(chunk), onProgress) };
}

function readRecord(chunk: Chunk): ImportRecord {
  const notes: string[] = [];
  const record: ImportRecord = { line: chunk.line, notes };
  let tags: Record<string, string | string[]> | undefined;
  try {
    [tags] = plugins.input.chainLink(`${chunk.lines.join('\n')}\nER  - \n`, { forceType: '@ris/file' }) as Record<string, string | string[]>[];
  } catch {
    return { ...record, problem: 'citation-js could not read this record' };
  }
  if (!tags) return { ...record, problem: 'the record has no type (its "TY  - " line is empty)' };
  // Links and DOIs: the first web address is the link; others are said, not silently dropped.
  const urls = [tags.UR, tags.L2].flat().filter((u): u is string => Boolean(u));
  const dois = [tags.DO].flat().filter((d): d is string => Boolean(d));
  delete tags.UR;
  delete tags.L2;
  delete tags.DO;
  let item: ReferenceItem | undefined;
  try {
    [item] = plugins.input.chain(tags, { forceType: '@ris/record', generateGraph: false }) as ReferenceItem[];
  } catch (error) {
    const field = /^Failed to convert (\w+)/.exec((error as Error).message)?.[1];
    return { ...record, problem: field ? `citation-js could not read its ${field} field` : 'citation-js could not read this record' };
  }
  if (!item) return { ...record, problem: 'citation-js could not read this record' };
  if (urls.length > 0) item.URL = urls;
  if (dois.length > 0) item.DOI = dois;
  // Every date field RIS has (DA the date, Y1 the old primary date, PY the year): the one that says most.
  const written = (['DA', 'Y1', 'PY'] as const).flatMap((t) => [tags[t]].flat().filter((d): d is string => Boolean(d)));
  item.date = mostPrecise(written.map(readDateText));
  if (!item.date && written.length > 0) notes.push(`its date "${written[0]}" is in no form brief reads: the entry is dated n.d.`);
  delete item.issued;
  record.item = item;
  return record;
}
