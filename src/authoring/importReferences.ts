import { allEntries } from '../brief/stats.js';
import type { Brief, Entry, Subsection } from '../brief/types.js';
import { ReferenceIndex } from './sameReference.js';
import type { ReferenceItem } from './references.js';
import { toEntry } from './toEntry.js';

export interface ImportPlan {
  /** The brief with the new entries in it (the original is not changed). */
  brief: Brief;
  added: Entry[];
  skipped: { title: string; why: string }[];
  sectionCreated: boolean;
}

/**
 * Add one entry per reference to the section (or subsection) with that heading, creating it
 * at the end of the brief if there is none. A reference the brief already has (same DOI, or
 * the same or nearly the same title), or that came twice in the import, is skipped.
 */
export function planImport(original: Brief, items: ReferenceItem[], heading: string): ImportPlan {
  const brief = structuredClone(original);
  // The brief's entries, then each one added: a reference is looked up, not compared with each in turn.
  const seen = new ReferenceIndex<{ entry: Entry; inBrief: boolean }>();
  for (const entry of allEntries(brief)) seen.add(entry, { entry, inBrief: true });
  const added: Entry[] = [];
  const skipped: ImportPlan['skipped'] = [];
  for (const item of items) {
    const entry = toEntry(item);
    if (!entry) {
      skipped.push({ title: '(no title)', why: 'it has no title' });
      continue;
    }
    const same = seen.find(entry);
    if (same?.earlier.inBrief) {
      skipped.push({ title: entry.title, why: `already in the brief as "${same.earlier.entry.title}"` });
      continue;
    }
    if (same) {
      skipped.push({ title: entry.title, why: 'it is in the import twice' });
      continue;
    }
    added.push(entry);
    seen.add(entry, { entry, inBrief: false });
  }
  const wanted = heading.trim().toLowerCase();
  let target: Subsection | undefined = brief.sections.flatMap((s) => [s, ...(s.subsections ?? [])]).find((s) => s.heading.trim().toLowerCase() === wanted);
  const sectionCreated = !target;
  if (!target) {
    target = { heading: heading.trim(), entries: [] };
    brief.sections.push(target);
  }
  target.entries = [...(target.entries ?? []), ...added];
  return { brief, added, skipped, sectionCreated };
}
