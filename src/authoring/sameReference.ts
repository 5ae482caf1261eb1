import { distance } from 'fastest-levenshtein';
import { sortableDate } from '../brief/dates.js';
import type { Entry } from '../brief/types.js';

/**
 * When two entries are one reference: the rule `brief import` (skipping what the brief already
 * has) and `brief lint` ("the same entry twice") share. In order, the first that applies decides:
 *
 * 1. Both have a DOI: one reference if the DOIs are the same (in any case), two if not, whatever
 *    else they say. An entry's DOI is its `doi`, or else a https://doi.org/ link in its `url`.
 * 2. The same title (ignoring case, accents and punctuation), the same date and the same source:
 *    one reference, even if their links differ (a publisher's page and its PDF).
 * 3. Different numbers in their titles: two references. Years, editions, parts, volumes, issues,
 *    phases, waves, reports... ("NHS Staff Survey 2020" and "2021", "Part 1" and "Part 3",
 *    "2nd edition" and "3rd edition", "Phase II" and "Phase III"), in digits, roman numerals
 *    or words ("Part One" is "Part 1").
 * 4. Both have a link (a `url` that is not a DOI) and the addresses differ: two references.
 *    Addresses that differ only by http or https, "www.", a trailing slash or a #fragment are one.
 * 5. Otherwise: one reference if the titles are the same or nearly the same (nearlySameTitle).
 *
 * Dates are read by src/brief/dates.ts: two dates are the same when they agree as far as both
 * say ("2020" and "March 2020" do; "March 2020" and "May 2020" do not; "updated" and other
 * qualifiers are ignored). An entry with no date or no source is never "the same date" or
 * "the same source". Different dates alone do not make two references: the same article is
 * often dated by its online publication in one place and by its issue in another.
 */
export function sameReference(a: Entry, b: Entry): boolean {
  return sameKeys(referenceKeys(a), referenceKeys(b));
}

/** What the rule compares, worked out once per entry. */
interface ReferenceKeys {
  title: string;
  /** The numbers in the title (titleNumbers). */
  numbers: string;
  doi: string | undefined;
  address: string | undefined;
  /** sortableDate's form: "2020", "2020-03", "2020-03-16". */
  date: string | undefined;
  source: string | undefined;
}

function referenceKeys(entry: Entry): ReferenceKeys {
  const title = normalisedTitle(entry.title);
  const source = entry.source ? normalisedTitle(entry.source) : '';
  return {
    title,
    numbers: numbersInNormalised(title),
    doi: doiOf(entry),
    // A doi.org link is the entry's DOI, compared as a DOI, not as an address.
    address: entry.url && !doiInUrl(entry.url) ? webAddress(entry.url) : undefined,
    date: sortableDate(entry.date),
    source: source || undefined,
  };
}

function sameKeys(a: ReferenceKeys, b: ReferenceKeys): boolean {
  if (a.doi && b.doi) return a.doi === b.doi;
  if (a.title === b.title && sameDate(a.date, b.date) && a.source !== undefined && a.source === b.source) return true;
  return a.numbers === b.numbers && !differentAddresses(a, b) && nearlySameNormalised(a.title, b.title);
}

function differentAddresses(a: ReferenceKeys, b: ReferenceKeys): boolean {
  return a.address !== undefined && b.address !== undefined && a.address !== b.address;
}

/** Dates (sortableDate's form) that agree as far as both say: one begins the other ("2020", "2020-03"). */
function sameDate(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a.startsWith(b) || b.startsWith(a));
}

/** An entry's DOI, in lower case: its `doi` (a resolver or "doi:" in front is dropped), or else the DOI of a doi.org link in its `url`. */
export function doiOf(entry: Entry): string | undefined {
  const doi = entry.doi?.trim().replace(/^(https?:\/\/(?:www\.|dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (doi) return doi.toLowerCase();
  return entry.url ? doiInUrl(entry.url) : undefined;
}

function doiInUrl(url: string): string | undefined {
  const match = /^https?:\/\/(?:www\.|dx\.)?doi\.org\/(.+)$/i.exec(url.trim());
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] as string).toLowerCase();
  } catch {
    // A stray "%" that is no escape: the DOI as written.
    return (match[1] as string).toLowerCase();
  }
}

/**
 * A link reduced to what names the page: without http:// or https://, "www.", a trailing slash
 * or a #fragment, the host in lower case ("https://www.example.org/a/#b" is "//example.org/a").
 * The path and query keep their case: servers may tell them apart.
 */
export function webAddress(url: string): string {
  const written = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(written);
  } catch {
    return written.replace(/#.*$/s, '').replace(/\/+$/, '');
  }
  const web = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  const host = web ? parsed.host.replace(/^www\./, '') : parsed.host;
  // URL writes letters outside English percent-encoded; an escape typed in lower case is the same one.
  const path = `${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`.replace(/%[0-9a-f]{2}/gi, (code) => code.toUpperCase());
  return `${web ? '' : parsed.protocol}//${host}${path}`;
}

/** A title reduced to its letters and digits, in lower case: how two spellings of one title compare. */
export function normalisedTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words after which a roman numeral or a number word is a number ("Phase II", "Part One"), and before which an ordinal is ("Second edition"). */
const NUMBERED = new Set([
  'part',
  'parts',
  'volume',
  'vol',
  'issue',
  'phase',
  'wave',
  'number',
  'report',
  'edition',
  'ed',
  'book',
  'chapter',
  'stage',
  'round',
  'series',
  'annex',
  'appendix',
  'module',
  'year',
  'cohort',
  'release',
  'version',
  'tranche',
  'sweep',
]);
/** Of those, the ones a single letter follows as a number ("Part A", "Annex B"). */
const LETTERED = new Set(['part', 'annex', 'appendix']);
const CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const NUMBER_WORDS = new Map([...CARDINALS.map((w, i) => [w, i + 1] as const), ...ORDINALS.map((w, i) => [w, i + 1] as const)]);
// Roman numerals up to 89 (no D or M: "mix" and "dim" are words).
const ROMAN = /^(?=[ivxl])(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(word: string): number | undefined {
  if (!ROMAN.test(word)) return undefined;
  let value = 0;
  for (let i = 0; i < word.length; i++) {
    const here = ROMAN_VALUES[word[i] as string] as number;
    const next = ROMAN_VALUES[word[i + 1] as string] ?? 0;
    value += here < next ? -here : here;
  }
  return value;
}

/**
 * The numbers in a title, in order, as text ("NHS Staff Survey 2021: Part II" gives "2021 2"):
 * every number written in digits ("2nd" is 2, "007" is 7); a roman numeral, number word or
 * ordinal after a word such as part, volume, issue, phase, wave, report or edition; an ordinal
 * before one ("Second edition"); a single letter after part, annex or appendix ("Part B").
 * Two titles with different numbers are never one reference.
 */
export function titleNumbers(title: string): string {
  return numbersInNormalised(normalisedTitle(title));
}

function numbersInNormalised(title: string): string {
  const words = title.split(' ');
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const digits = word.match(/[0-9]+/g);
    if (digits) {
      for (const run of digits) found.push(run.replace(/^0+(?=[0-9])/, ''));
      continue;
    }
    const before = words[i - 1];
    if (before !== undefined && NUMBERED.has(before)) {
      const value = NUMBER_WORDS.get(word) ?? romanValue(word);
      if (value !== undefined) found.push(String(value));
      else if (word.length === 1 && LETTERED.has(before)) found.push(word);
    } else if (ORDINALS.includes(word) && NUMBERED.has(words[i + 1] ?? '')) {
      found.push(String(NUMBER_WORDS.get(word)));
    }
  }
  return found.join(' ');
}

/** How many letters two normalised titles may differ by and still be one title: 5% of the longer, for titles of 20 or more. */
function allowedEdits(a: number, b: number): number {
  const longest = Math.max(a, b);
  return longest >= 20 ? Math.floor(longest * 0.05) : 0;
}

/**
 * Two titles that differ only in case, punctuation or a letter or two ("competences",
 * "competencies"), and have the same numbers (titleNumbers: "Part 1" and "Part 2" are not nearly
 * the same title).
 */
export function nearlySameTitle(a: string, b: string): boolean {
  const [x, y] = [normalisedTitle(a), normalisedTitle(b)];
  return numbersInNormalised(x) === numbersInNormalised(y) && nearlySameNormalised(x, y);
}

function nearlySameNormalised(x: string, y: string): boolean {
  if (x === y) return true;
  const edits = allowedEdits(x.length, y.length);
  return edits > 0 && Math.abs(x.length - y.length) <= edits && distance(x, y) <= edits;
}

/**
 * How many titles a ReferenceIndex compares letter by letter, at most, over its life: about a
 * second's work. Entries with the same DOI or the same title are always found, by look-up; a
 * near-miss ("competences", "competencies") is looked for among titles of about the same length
 * with the same numbers, until this many comparisons have been made.
 */
export const MAX_TITLE_COMPARISONS = 2_000_000;

interface Keyed<T> extends ReferenceKeys {
  item: T;
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
  /** By the numbers in the title, then by the title's length: where a near-miss can be. */
  private readonly byNumbers = new Map<string, Map<number, Keyed<T>[]>>();
  private added = 0;
  private comparisons = 0;
  /** True once the near-miss search stopped at its limit of comparisons: later near-misses may be unreported. */
  incomplete = false;

  /** The entry last looked up and its keys: it is usually added next (find, then add), unchanged. */
  private last: { entry: Entry; keys: ReferenceKeys } | undefined;

  constructor(private readonly limit = MAX_TITLE_COMPARISONS) {}

  private keysOf(entry: Entry): ReferenceKeys {
    if (this.last?.entry !== entry) this.last = { entry, keys: referenceKeys(entry) };
    return this.last.keys;
  }

  /** The earliest entry added that is the same reference as `entry`, and why; or undefined. */
  find(entry: Entry): { earlier: T; why: 'the same DOI' | 'the same title' | 'nearly the same title' } | undefined {
    const keys = this.keysOf(entry);
    const sameDoi = keys.doi ? this.byDoi.get(keys.doi) : undefined;
    if (sameDoi) return { earlier: sameDoi.item, why: 'the same DOI' };
    const sameTitle = this.byTitle.get(keys.title)?.find((earlier) => sameKeys(earlier, keys));
    if (sameTitle) return { earlier: sameTitle.item, why: 'the same title' };
    // A near-miss has the same numbers, and differs in length by no more than the edits allowed (nearlySameNormalised checks exactly).
    // (Two titles of lengths a <= b can be a near-miss only if b - a <= 5% of b: so a >= 0.95 b, and b >= 20.)
    const title = keys.title;
    const byLength = this.byNumbers.get(keys.numbers);
    if (title.length < 19 || !byLength) return undefined;
    let nearest: Keyed<T> | undefined;
    const shortest = title.length - allowedEdits(title.length, title.length);
    const longest = Math.floor(title.length / 0.95);
    for (let length = shortest; length <= longest; length++) {
      for (const earlier of byLength.get(length) ?? []) {
        // sameKeys's rule for titles that are not the same (the same title was looked up above, and fails here as there): DOIs, addresses, then letters.
        if ((earlier.doi && keys.doi) || differentAddresses(earlier, keys) || (nearest && nearest.order < earlier.order)) continue;
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
    const keys = this.keysOf(entry);
    // Written out, not spread ({ ...keys }): V8 read spread objects slower in the near-miss loop (1.5 times, measured).
    const keyed: Keyed<T> = {
      title: keys.title,
      numbers: keys.numbers,
      doi: keys.doi,
      address: keys.address,
      date: keys.date,
      source: keys.source,
      item,
      order: this.added++,
    };
    if (keyed.doi && !this.byDoi.has(keyed.doi)) this.byDoi.set(keyed.doi, keyed);
    const sameTitle = this.byTitle.get(keyed.title);
    if (sameTitle) sameTitle.push(keyed);
    else this.byTitle.set(keyed.title, [keyed]);
    let byLength = this.byNumbers.get(keyed.numbers);
    if (!byLength) {
      byLength = new Map();
      this.byNumbers.set(keyed.numbers, byLength);
    }
    const sameLength = byLength.get(keyed.title.length);
    if (sameLength) sameLength.push(keyed);
    else byLength.set(keyed.title.length, [keyed]);
  }
}
