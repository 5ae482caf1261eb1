import { distance } from 'fastest-levenshtein';
import type { Entry } from '../brief/types.js';

/** An entry's DOI, from a doi.org link. */
export function doiOf(entry: Entry): string | undefined {
  const match = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(entry.url ?? '');
  return match ? decodeURIComponent(match[1] as string).toLowerCase() : undefined;
}

/** A title reduced to its letters and digits, in lower case: how two spellings of one title compare. */
export function normalisedTitle(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Two titles that differ only in case, punctuation or a letter or two ("competences", "competencies"). */
export function nearlySameTitle(a: string, b: string): boolean {
  const x = normalisedTitle(a);
  const y = normalisedTitle(b);
  if (x === y) return true;
  const longest = Math.max(x.length, y.length);
  return longest >= 20 && distance(x, y) <= Math.floor(longest * 0.05);
}

/** The same reference: the same DOI, or the same (or nearly the same) title. */
export function sameReference(a: Entry, b: Entry): boolean {
  const doiA = doiOf(a);
  const doiB = doiOf(b);
  if (doiA && doiB) return doiA === doiB;
  return nearlySameTitle(a.title, b.title);
}
