import { MONTHS } from './months.js';

/**
 * An entry's date as a brief writes it, and what can be derived from it. Briefs keep dates as
 * written ("updated 15 August 2025"); this module is the one reading of them, for the schema's
 * check, lint's "newest first", `brief sort` and import.
 *
 * The forms (the schema's `entry.date`): "n.d."; a year "2020"; a month and year "March 2020";
 * a season and year "Spring 2018"; a day, month and year "16 July 2025"; and any of the dated
 * forms after a qualifier from QUALIFIERS ("updated 15 August 2025", "published online 21 May 2020").
 */

/** Words that may stand before a date, as a brief writes them (lower case; a capital first letter is also accepted). */
export const QUALIFIERS = ['updated', 'last updated', 'published', 'published online', 'first published', 'revised', 'accessed'] as const;

export const SEASONS = ['Spring', 'Summer', 'Autumn', 'Winter'] as const;

/** The month a season is sorted as (Winter as January: "Winter 2019" is taken as its start). */
const SEASON_MONTH: Record<(typeof SEASONS)[number], number> = { Spring: 4, Summer: 7, Autumn: 10, Winter: 1 };

const capitalised = (word: string) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;

/** The shape of a date, as a regular expression source: the schema's `pattern` for `entry.date` is exactly this (a test checks it). */
export const DATE_PATTERN = `^(n\\.d\\.|((${QUALIFIERS.map(capitalised).join('|')}) )?((([1-9]|[12][0-9]|3[01]) )?(${MONTHS.join('|')}) |(${SEASONS.join('|')}) )?[12][0-9]{3})$`;

const DATE = new RegExp(DATE_PATTERN);

/** A date read: what was written, and its parts (undefined where the date does not say). */
export interface BriefDate {
  written: string;
  /** As written, e.g. "updated". */
  qualifier?: string;
  year: number;
  /** 1-12; a season's month for a season (see SEASON_MONTH). */
  month?: number;
  day?: number;
  season?: (typeof SEASONS)[number];
}

/**
 * Reads a date in one of the forms above. Undefined for "n.d.", for no date, and for text in no
 * such form or naming a day the month does not have ("31 February 2020").
 */
export function parseBriefDate(text: string | undefined): BriefDate | undefined {
  if (text === undefined || text === 'n.d.' || !DATE.test(text)) return undefined;
  const words = text.split(' ');
  const year = Number(words.pop());
  const date: BriefDate = { written: text, year };
  const last = words.at(-1);
  if (last && (SEASONS as readonly string[]).includes(last)) {
    date.season = last as BriefDate['season'];
    date.month = SEASON_MONTH[date.season as keyof typeof SEASON_MONTH];
    words.pop();
  } else if (last && (MONTHS as readonly string[]).includes(last)) {
    date.month = (MONTHS as readonly string[]).indexOf(last) + 1;
    words.pop();
    if (words.length > 0 && /^\d+$/.test(words.at(-1) as string)) {
      date.day = Number(words.pop());
      if (date.day > daysInMonth(year, date.month)) return undefined;
    }
  }
  if (words.length > 0) date.qualifier = words.join(' ');
  return date;
}

/** Whether `text` is a date in a form above that names a real day: "n.d." is, "31 February 2020" is not. */
export function isBriefDate(text: string): boolean {
  return text === 'n.d.' || parseBriefDate(text) !== undefined;
}

/** The number of days in a month (1-12) of a year of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date as sortable text, "YYYY-MM-DD" with as much as the date says ("2025-08-15", "2020-03",
 * "2019"); undefined for "n.d." or no date. Text order is date order, a less precise date coming
 * before the more precise ones it contains.
 */
export function sortableDate(text: string | undefined): string | undefined {
  const date = parseBriefDate(text);
  if (!date) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return [String(date.year), date.month && two(date.month), date.day && two(date.day)].filter(Boolean).join('-');
}

/**
 * Whether date `a` is strictly newer than date `b`, as far as both say: only the parts both
 * dates have are compared ("2020" is neither newer nor older than "March 2020"). False when
 * either has no date.
 */
export function isNewer(a: string | undefined, b: string | undefined): boolean {
  const [x, y] = [parseBriefDate(a), parseBriefDate(b)];
  if (!x || !y) return false;
  if (x.year !== y.year) return x.year > y.year;
  if (x.month === undefined || y.month === undefined || x.month !== y.month) return x.month !== undefined && y.month !== undefined && x.month > y.month;
  return x.day !== undefined && y.day !== undefined && x.day > y.day;
}
