import { type DateParts, mostPrecise, readDateText } from './referenceDates.js';
import { type ImportRecord, type Opened, readEach } from './references.js';

/**
 * MEDLINE (PubMed's .nbib export) to CSL-JSON items. No maintained npm parser reads this
 * format offline (citation-js's PubMed plugin fetches from PubMed), so this small one does:
 * records are separated by blank lines; each line is a tag, a hyphen and a value; a line
 * starting with spaces continues the one before (even one that looks like a tag, "      AU - x").
 */
export interface MedlineItem {
  title?: string;
  abstract?: string;
  'container-title'?: string;
  DOI?: string;
  date?: DateParts;
  PMID?: string;
}

interface MedlineRecord {
  line: number;
  fields: [string, string][];
  /** Lines that are neither a field nor a continuation, with their line numbers. */
  stray: number[];
}

const FIELD = /^([A-Z][A-Z0-9]{1,3})\s*-\s?(.*)$/;

function splitRecords(text: string): MedlineRecord[] {
  const records: MedlineRecord[] = [];
  let record: MedlineRecord | undefined;
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    if (raw.trim() === '') {
      record = undefined;
      return;
    }
    const field = FIELD.exec(raw);
    const last = record?.fields.at(-1);
    if (!record) {
      record = { line: i + 1, fields: [], stray: [] };
      records.push(record);
    }
    if (field) record.fields.push([field[1] as string, (field[2] as string).trim()]);
    else if (last && /^\s/.test(raw)) last[1] = `${last[1]} ${raw.trim()}`;
    else record.stray.push(i + 1);
  });
  return records;
}

/** The records of a MEDLINE file, or why it is not MEDLINE (no record has a field line). */
export function openMedline(text: string): Opened {
  const records = splitRecords(text);
  if (!records.some((r) => r.fields.length > 0)) return 'no line in it is a MEDLINE field such as "PMID- 12345678"';
  return {
    count: records.length,
    notes: [],
    read: async (onProgress) => readEach(records, (r) => toRecord(r), onProgress),
  };
}

/** MEDLINE text as CSL items (without line numbers or notes): for tests and callers that want only the items. */
export function parseMedline(text: string): MedlineItem[] {
  return splitRecords(text)
    .map(toRecord)
    .flatMap((r) => (r.item ? [r.item as MedlineItem] : []));
}

/** PubMed writes ≤ and ≥ as "<or=" and ">or=" (its records were ASCII): written back as the signs. */
function signs(text: string): string {
  return text.replace(/<or=/g, '≤').replace(/>or=/g, '≥');
}

function toRecord({ line, fields, stray }: MedlineRecord): ImportRecord {
  const notes = stray.map((n) => `line ${n} is neither a field ("TAG - value") nor the continuation of one: left out`);
  const record: ImportRecord = { line, notes };
  const first = (tag: string) => fields.find(([t]) => t === tag)?.[1];
  if (!first('TI')) return { ...record, problem: fields.length === 0 ? 'no MEDLINE field in this record' : 'the record has no title (TI)' };
  const doi = fields
    .filter(([t]) => t === 'LID' || t === 'AID')
    .map(([, v]) => /^(\S+) \[doi\]$/.exec(v)?.[1])
    .find(Boolean);
  const item: MedlineItem = {};
  // MEDLINE ends every title with a full stop, which a brief's titles do not have.
  item.title = signs(first('TI') as string).replace(/\.$/, '');
  const abstract = first('AB');
  if (abstract) item.abstract = signs(abstract);
  const journal = first('JT') ?? first('TA');
  if (journal) item['container-title'] = journal;
  if (doi) item.DOI = doi;
  const pmid = first('PMID');
  if (pmid) item.PMID = pmid;
  // DP is the publication date ("2020 Mar-Apr", "2019 Winter"); DEP the electronic one ("20200315").
  const written = [first('DP'), first('DEP')].filter((d): d is string => Boolean(d));
  const date = mostPrecise(written.slice(0, 1).map(readDateText)) ?? mostPrecise(written.slice(1).map(readDateText));
  if (date) item.date = date;
  else if (written.length > 0) notes.push(`its date "${written[0]}" is in no form brief reads: the entry is dated n.d.`);
  record.item = item;
  return record;
}
