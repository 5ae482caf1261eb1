import { distance } from 'fastest-levenshtein';
import type { Entry } from '../brief/types.js';

/** An entry's DOI, from a doi.org link. */
export function doiOf(entry: Entry): string | undefined {
  const match = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(entry.url ?? '');
  return match ? decodeURIComponent(match[1] as string).toLowerCase() : undefined;
}

/** A title reduced to its letters and digits, in lower case: how two spellings of one title compare. */
export function normalisedTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How many letters two normalised titles may differ by and still be one title: 5% of the longer, for titles of 20 or more. */
function allowedEdits(a: number, b: number): number {
  const longest = Math.max(a, b);
  return longest >= 20 ? Math.floor(longest * 0.05) : 0;
}

/** Two titles that differ only in case, punctuation or a letter or two ("competences", "competencies"). */
export function nearlySameTitle(a: string, b: string): boolean {
  return nearlySameNormalised(normalisedTitle(a), normalisedTitle(b));
}

function nearlySameNormalised(x: string, y: string): boolean {
  if (x === y) return true;
  const edits = allowedEdits(x.length, y.length);
  return edits > 0 && Math.abs(x.length - y.length) <= edits && distance(x, y) <= edits;
}

/** The same reference: the same DOI, or the same (or nearly the same) title. */
export function sameReference(a: Entry, b: Entry): boolean {
  const doiA = doiOf(a);
  const doiB = doiOf(b);
  if (doiA && doiB) return doiA === doiB;
  return nearlySameTitle(a.title, b.title);
}

/**
 * How many titles a ReferenceIndex compares letter by letter, at most, over its life: about a
 * second's work. Entries with the same DOI or the same title are always found, by look-up; a
 * near-miss ("competences", "competencies") is looked for among titles of about the same length,
 * until this many comparisons have been made.
 */
export const MAX_TITLE_COMPARISONS = 2_000_000;

interface Keyed<T> {
  item: T;
  title: string;
  doi: string | undefined;
  /** Its place in the order entries were added. */
  order: number;
}

/**
 * Entries seen so far, indexed so that finding an earlier entry that is the same reference
 * (sameReference's rule) takes look-ups rather than a pass over every earlier entry: a brief or
 * an import of thousands of entries is checked in about linear time, not quadratic.
 */
export class ReferenceIndex<T> {
  private readonly byDoi = new Map<string, Keyed<T>>();
  private readonly byTitle = new Map<string, Keyed<T>[]>();
  private readonly byLength = new Map<number, Keyed<T>[]>();
  private added = 0;
  private comparisons = 0;
  /** True once the near-miss search stopped at its limit of comparisons: later near-misses may be unreported. */
  incomplete = false;

  constructor(private readonly limit = MAX_TITLE_COMPARISONS) {}

  /** The earliest entry added that is the same reference as `entry`, and why; or undefined. */
  find(entry: Entry): { earlier: T; why: 'the same DOI' | 'the same title' | 'nearly the same title' } | undefined {
    const doi = doiOf(entry);
    const title = normalisedTitle(entry.title);
    const sameDoi = doi ? this.byDoi.get(doi) : undefined;
    if (sameDoi) return { earlier: sameDoi.item, why: 'the same DOI' };
    // Two entries that both have a DOI are one reference only if the DOIs are the same.
    const comparable = (k: Keyed<T>) => !(k.doi && doi);
    const sameTitle = this.byTitle.get(title)?.find(comparable);
    if (sameTitle) return { earlier: sameTitle.item, why: 'the same title' };
    // A near-miss differs in length by no more than the edits allowed (nearlySameNormalised checks exactly).
    // (Two titles of lengths a <= b can be a near-miss only if b - a <= 5% of b: so a >= 0.95 b, and b >= 20.)
    if (title.length < 19) return undefined;
    let nearest: Keyed<T> | undefined;
    const shortest = title.length - allowedEdits(title.length, title.length);
    const longest = Math.floor(title.length / 0.95);
    for (let length = shortest; length <= longest; length++) {
      for (const earlier of this.byLength.get(length) ?? []) {
        if (!comparable(earlier) || (nearest && nearest.order < earlier.order)) continue;
        if (this.comparisons >= this.limit) {
          this.incomplete = true;
          break;
        }
        this.comparisons++;
        if (nearlySameNormalised(earlier.title, title)) nearest = earlier;
      }
    }
    return nearest && { earlier: nearest.item, why: 'nearly the same title' };
  }

  add(entry: Entry, item: T): void {
    const keyed: Keyed<T> = { item, title: normalisedTitle(entry.title), doi: doiOf(entry), order: this.added++ };
    if (keyed.doi && !this.byDoi.has(keyed.doi)) this.byDoi.set(keyed.doi, keyed);
    const sameTitle = this.byTitle.get(keyed.title);
    if (sameTitle) sameTitle.push(keyed);
    else this.byTitle.set(keyed.title, [keyed]);
    const sameLength = this.byLength.get(keyed.title.length);
    if (sameLength) sameLength.push(keyed);
    else this.byLength.set(keyed.title.length, [keyed]);
  }
}
