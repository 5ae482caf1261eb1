import { allEntries } from '../brief/stats.js';
import type { Brief, Entry, Subsection } from '../brief/types.js';
import type { ImportRecord } from './references.js';
import { ReferenceIndex } from './sameReference.js';
import { toEntry } from './toEntry.js';

/** What became of one record, in file order. */
export type Outcome =
  | { record: ImportRecord; kind: 'added'; entry: Entry; notes: string[] }
  | { record: ImportRecord; kind: 'skipped'; entry: Entry; why: string; notes: string[] }
  | { record: ImportRecord; kind: 'refused'; problem: string; notes: string[] };

export interface ImportPlan {
  /** The brief with the new entries in it (the original is not changed). */
  brief: Brief;
  outcomes: Outcome[];
  added: Entry[];
  sectionCreated: boolean;
  /** JSON pointer of the entries list the new entries end, e.g. "/sections/2/subsections/0/entries"... */
  entriesPointer: string;
  /** ...from this index on, in the order of `added`. */
  firstAdded: number;
  /** True when the search for nearly the same titles stopped at its limit (sameReference.ts): some may be unreported. */
  nearMissSearchIncomplete: boolean;
}

/**
 * Add one entry per record to the section (or subsection) with that heading, creating it at
 * the end of the brief if there is none. A record that cannot be an entry (its `problem`, or no
 * title) is refused; one the brief already has (same DOI, or the same or nearly the same title),
 * or that came twice in the import, is skipped. `refuse` maps records to refuse with a problem of
 * their own (the schema's, found by the caller). Time linear in records and entries: the brief
 * is copied only where it changes, and repeats are looked up (ReferenceIndex), not searched for.
 */
export function planImport(original: Brief, records: ImportRecord[], heading: string, refuse = new Map<ImportRecord, string>()): ImportPlan {
  const seen = new ReferenceIndex<{ entry: Entry; inBrief: boolean }>();
  for (const entry of allEntries(original)) seen.add(entry, { entry, inBrief: true });
  const outcomes: Outcome[] = [];
  const added: Entry[] = [];
  for (const record of records) {
    const made = record.item ? toEntry(record.item) : { problem: record.problem ?? 'it could not be read', notes: [] };
    const notes = [...record.notes, ...made.notes];
    const problem = record.problem ?? made.problem ?? refuse.get(record);
    if (problem || !made.entry) {
      outcomes.push({ record, kind: 'refused', problem: problem ?? 'it could not be read', notes });
      continue;
    }
    const entry = made.entry;
    const same = seen.find(entry);
    if (same) {
      const why = same.earlier.inBrief ? `already in the brief as "${same.earlier.entry.title}"` : 'it is in the import twice';
      outcomes.push({ record, kind: 'skipped', entry, why, notes });
      continue;
    }
    outcomes.push({ record, kind: 'added', entry, notes });
    added.push(entry);
    seen.add(entry, { entry, inBrief: false });
  }
  // A shallow copy down to the list that changes: the rest of the brief is shared, not cloned.
  const brief: Brief = { ...original, sections: [...original.sections] };
  const wanted = heading.trim().toLowerCase();
  let pointer: string | undefined;
  let target: Subsection | undefined;
  brief.sections.forEach((section, s) => {
    if (target) return;
    if (section.heading.trim().toLowerCase() === wanted) {
      target = brief.sections[s] = { ...section };
      pointer = `/sections/${s}/entries`;
      return;
    }
    const sub = section.subsections?.findIndex((x) => x.heading.trim().toLowerCase() === wanted) ?? -1;
    if (sub >= 0) {
      const subsections = [...(section.subsections ?? [])];
      target = subsections[sub] = { ...(subsections[sub] as Subsection) };
      brief.sections[s] = { ...section, subsections };
      pointer = `/sections/${s}/subsections/${sub}/entries`;
    }
  });
  const sectionCreated = !target;
  if (!target) {
    target = { heading: heading.trim(), entries: [] };
    pointer = `/sections/${brief.sections.length}/entries`;
    brief.sections.push(target);
  }
  const firstAdded = target.entries?.length ?? 0;
  target.entries = [...(target.entries ?? []), ...added];
  return { brief, outcomes, added, sectionCreated, entriesPointer: pointer as string, firstAdded, nearMissSearchIncomplete: seen.incomplete };
}
