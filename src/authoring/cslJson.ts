import { buildSourceMap, type SourceMap } from '../load/sourceMap.js';
import type { ImportRecord, Opened, ReferenceItem } from './references.js';

/**
 * CSL-JSON (Zotero's and Crossref's export): a list of items, or one item. Each record's line
 * is where its object begins in the file.
 */
export function openCslJson(text: string): Opened {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: the place is found by the source map's parser instead.
    return 'it is not valid JSON';
  }
  const list = Array.isArray(data) ? data : [data];
  if (list.length > 0 && !list.some((i) => i && typeof i === 'object' && !Array.isArray(i))) return 'it is not CSL-JSON: expected a list of reference objects';
  let map: SourceMap | undefined;
  const lineOf = (i: number) => {
    map ??= buildSourceMap(text);
    return map.get(Array.isArray(data) ? `/${i}` : '')?.value.line;
  };
  return {
    count: list.length,
    notes: [],
    read: async () =>
      list.map((value, i): ImportRecord => {
        const record: ImportRecord = { line: lineOf(i), notes: [] };
        if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...record, problem: 'it is not a reference object ({...})' };
        record.item = value as ReferenceItem;
        return record;
      }),
  };
}
