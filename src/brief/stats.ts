import { isNoteItem, type Brief, type Entry, type Subsection } from './types.js';

/** Every heading that goes on the contents page, in order, with its level. */
export function briefContents(brief: Brief): { level: 1 | 2; text: string }[] {
  const headings: { level: 1 | 2; text: string }[] = [];
  for (const section of brief.sections) {
    headings.push({ level: 1, text: section.heading });
    for (const sub of section.subsections ?? []) headings.push({ level: 2, text: sub.heading });
  }
  headings.push({ level: 1, text: brief.closingNote.heading });
  return headings;
}

/** Every entry in reading order (a section's own entries, then its subsections'). */
export function allEntries(brief: Brief): Entry[] {
  const entriesOf = (part: Subsection): Entry[] => (part.entries ?? []).filter((item) => !isNoteItem(item)) as Entry[];
  return brief.sections.flatMap((section) => [...entriesOf(section), ...(section.subsections ?? []).flatMap(entriesOf)]);
}
