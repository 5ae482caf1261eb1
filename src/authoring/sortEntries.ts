import { sortableDate } from '../brief/dates.js';
import { isNoteItem, type Brief, type Entry, type SectionItem } from '../brief/types.js';

/** An entry as a sort report names it. */
export interface NamedEntry {
  title: string;
  /** As written; undefined when the entry has none. */
  date?: string;
}

/**
 * One entry moved: the fewest entries are named (those outside the longest run of entries whose
 * order is kept), each with where it went: before the next entry that kept its place, or, when
 * none follows in its run, after the entry now just before it.
 */
export interface Move {
  /** "Section" or "Section > Subsection". */
  where: string;
  entry: NamedEntry;
  place: 'before' | 'after';
  other: NamedEntry;
}

/** Two entries out of date order that a note stands between, which brief sort leaves as they are. */
export interface AcrossNote {
  where: string;
  newer: NamedEntry;
  older: NamedEntry;
}

/** What sorting a brief does. */
export interface SortPlan {
  /** The brief with every entries list sorted (a new object; the one given is not changed). */
  brief: Brief;
  /** JSON pointer of each entries list that changes ("/sections/2/subsections/0/entries") -> for each new place, the old index of the item put there. */
  orders: Map<string, number[]>;
  moves: Move[];
  acrossNotes: AcrossNote[];
}

/**
 * Puts each section's and subsection's entries newest first, by the dates of src/brief/dates.ts.
 *
 * - A note between entries ({"note": [...]}) stays where it is: it often introduces the entries
 *   after it, so entries are sorted within each run between notes and never moved past one.
 *   Pairs left out of order across a note are listed in `acrossNotes`.
 * - Entries with no date (none, or "n.d.") go to the end of their run, in their order.
 * - Stable: entries whose dates are the same, or cannot be compared ("2020" and "March 2020"),
 *   keep their order as far as newest-first allows (of the entries that may come next, the one
 *   that came first). So sorting twice changes nothing, and no entry is newer than the one before
 *   it in its run, which is what `brief lint` checks.
 */
export function planSort(brief: Brief): SortPlan {
  const sorted = structuredClone(brief);
  const orders = new Map<string, number[]>();
  const moves: Move[] = [];
  const acrossNotes: AcrossNote[] = [];
  sorted.sections.forEach((section, s) => {
    const parts = [
      { items: section.entries, pointer: `/sections/${s}/entries`, where: section.heading },
      ...(section.subsections ?? []).map((sub, k) => ({
        items: sub.entries,
        pointer: `/sections/${s}/subsections/${k}/entries`,
        where: `${section.heading} > ${sub.heading}`,
      })),
    ];
    for (const { items, pointer, where } of parts) {
      if (!items || items.length < 2) continue;
      const order = sortItems(items);
      const reordered = order.map((i) => items[i] as SectionItem);
      moves.push(...movesOf(items, order).map((move) => ({ where, ...move })));
      acrossNotes.push(...disorderAcrossNotes(reordered).map(([newer, older]) => ({ where, newer: named(newer), older: named(older) })));
      if (order.some((old, i) => old !== i)) {
        orders.set(pointer, order);
        items.splice(0, items.length, ...reordered);
      }
    }
  });
  return { brief: sorted, orders, moves, acrossNotes };
}

/** For each new place in `items`, the old index of the item put there. */
function sortItems(items: readonly SectionItem[]): number[] {
  const order: number[] = [];
  let run: number[] = [];
  const endRun = () => {
    order.push(...sortRun(run.map((i) => (items[i] as Entry).date)).map((j) => run[j] as number));
    run = [];
  };
  items.forEach((item, i) => {
    if (isNoteItem(item)) {
      endRun();
      order.push(i);
    } else run.push(i);
  });
  endRun();
  return order;
}

/**
 * A run's dates in newest-first order, as indexes into `dates`: dated entries by a stable
 * topological sort of "is newer than" (a partial order), then the undated ones.
 */
export function sortRun(dates: readonly (string | undefined)[]): number[] {
  const keys = dates.map(sortableDate);
  const dated = keys.flatMap((key, i) => (key === undefined ? [] : [i]));
  const undated = keys.flatMap((key, i) => (key === undefined ? [i] : []));
  // How many of the entries not yet placed are newer than each: one with none may be placed next.
  const newerThan = new Map(dated.map((i) => [i, dated.filter((j) => newer(keys[j] as string, keys[i] as string)).length]));
  const placed: number[] = [];
  const waiting = [...dated];
  while (waiting.length > 0) {
    const at = waiting.findIndex((i) => newerThan.get(i) === 0);
    const [next] = waiting.splice(at, 1) as [number];
    placed.push(next);
    for (const i of waiting) if (newer(keys[next] as string, keys[i] as string)) newerThan.set(i, (newerThan.get(i) as number) - 1);
  }
  return [...placed, ...undated];
}

/**
 * Whether sortable date `a` is newer than `b` as far as both say: later in text order, and not a
 * more precise date within `b` ("2020-05" is within "2020"). The same answer as dates.ts's
 * isNewer (a test checks it), but on dates read once: a list of 2,000 entries compares 4 million pairs.
 */
export function newer(a: string, b: string): boolean {
  return a > b && !a.startsWith(b);
}

/** The moved entries of a list, in their new order (see Move). */
function movesOf(items: readonly SectionItem[], order: readonly number[]): Omit<Move, 'where'>[] {
  const kept = longestIncreasing(order);
  const entryAt = (place: number) => items[order[place] as number] as SectionItem;
  const moves: Omit<Move, 'where'>[] = [];
  order.forEach((old, place) => {
    const item = items[old] as SectionItem;
    if (kept.has(place) || isNoteItem(item)) return;
    let next = place + 1;
    while (next < order.length && !kept.has(next) && !isNoteItem(entryAt(next))) next++;
    const following = next < order.length ? entryAt(next) : undefined;
    if (following && !isNoteItem(following)) moves.push({ entry: named(item), place: 'before', other: named(following) });
    else moves.push({ entry: named(item), place: 'after', other: named(entryAt(place - 1) as Entry) });
  });
  return moves;
}

/** The places of one longest increasing subsequence of `values` (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: the place of the smallest last value of an increasing run of length k + 1
  const previous: number[] = [];
  values.forEach((value, place) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    previous[place] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = place;
  });
  const kept = new Set<number>();
  for (let place = tails.at(-1) ?? -1; place >= 0; place = previous[place] as number) kept.add(place);
  return kept;
}

/** Neighbouring entries (notes skipped, as lint skips them) where the later one is newer. */
function disorderAcrossNotes(items: readonly SectionItem[]): [Entry, Entry][] {
  const entries = items.filter((item): item is Entry => !isNoteItem(item));
  return entries.flatMap((entry, i) => {
    const previous = entries[i - 1];
    const [a, b] = [sortableDate(entry.date), sortableDate(previous?.date)];
    return previous && a !== undefined && b !== undefined && newer(a, b) ? [[entry, previous] as [Entry, Entry]] : [];
  });
}

function named(entry: Entry): NamedEntry {
  return entry.date === undefined ? { title: entry.title } : { title: entry.title, date: entry.date };
}
