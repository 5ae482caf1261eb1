import { MONTHS } from '../brief/months.js';

/**
 * MEDLINE (PubMed's .nbib export) to CSL-JSON items. No maintained npm parser reads this
 * format offline (citation-js's PubMed plugin fetches from PubMed), so this small one does:
 * records are separated by blank lines; each line is a tag, a hyphen and a value; a line
 * starting with spaces continues the one before.
 */
export interface MedlineItem {
  title?: string;
  abstract?: string;
  'container-title'?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  PMID?: string;
}

const ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3).toLowerCase());

export function parseMedline(text: string): MedlineItem[] {
  const records: [string, string][][] = [];
  let record: [string, string][] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      if (record.length > 0) records.push(record);
      record = [];
      continue;
    }
    const field = /^([A-Z][A-Z0-9]{1,3})\s*-\s?(.*)$/.exec(raw);
    const last = record.at(-1);
    if (field) record.push([field[1] as string, (field[2] as string).trim()]);
    else if (last && /^\s/.test(raw)) last[1] = `${last[1]} ${raw.trim()}`;
  }
  if (record.length > 0) records.push(record);
  return records.filter((r) => r.some(([tag]) => tag === 'TI' || tag === 'PMID')).map(toItem);
}

function toItem(fields: [string, string][]): MedlineItem {
  const first = (tag: string) => fields.find(([t]) => t === tag)?.[1];
  const doi = fields
    .filter(([t]) => t === 'LID' || t === 'AID')
    .map(([, v]) => /^(\S+) \[doi\]$/.exec(v)?.[1])
    .find(Boolean);
  const item: MedlineItem = {};
  // MEDLINE ends every title with a full stop, which a brief's titles do not have.
  const title = first('TI')?.replace(/\.$/, '');
  if (title) item.title = title;
  const abstract = first('AB');
  if (abstract) item.abstract = abstract;
  const journal = first('JT') ?? first('TA');
  if (journal) item['container-title'] = journal;
  if (doi) item.DOI = doi;
  const pmid = first('PMID');
  if (pmid) item.PMID = pmid;
  const date = /^(\d{4})(?:\s+([A-Za-z]{3}))?/.exec(first('DP') ?? '');
  if (date) {
    const month = date[2] ? ABBREVIATIONS.indexOf(date[2].toLowerCase()) + 1 : 0;
    item.issued = { 'date-parts': [month > 0 ? [Number(date[1]), month] : [Number(date[1])]] };
  }
  return item;
}
