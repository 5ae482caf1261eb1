import { isBriefDate, SEASONS } from '../brief/dates.js';
import { MONTHS } from '../brief/months.js';

/**
 * Dates as reference formats write them, read into the brief's forms (src/brief/dates.ts):
 * "15 March 2020", "March 2020", "Winter 2019", "2020" (or none). Formats write dates many ways:
 * RIS "2020/03/15/" and "2018///Spring", CSL-JSON date-parts, "2019-03" and "Spring 2018",
 * MEDLINE "2020 Mar-Apr", "2019 Winter", "2020 Mar 15" and "20200315".
 */

export type Season = (typeof SEASONS)[number];

export interface DateParts {
  year: number;
  /** 1-12 */
  month?: number;
  /** 1-31 */
  day?: number;
  season?: Season;
}

const MONTH_WORDS = new Map<string, number>(
  MONTHS.flatMap((m, i) => [[m.toLowerCase(), i + 1] as [string, number], [m.slice(0, 3).toLowerCase(), i + 1] as [string, number]]),
);
MONTH_WORDS.set('sept', 9);
const SEASON_WORDS = new Map<string, Season>([...SEASONS.map((s) => [s.toLowerCase(), s] as [string, Season]), ['fall', 'Autumn']]);

/**
 * The parts of a date written as text, or undefined when it names no year. Numbers are read
 * year first ("2020/03/15", "2019-03", "20200315"), as RIS, CSL and MEDLINE write them; words
 * anywhere ("Spring 2018", "2020 Mar-Apr": the first month or season named counts).
 */
export function readDateText(text: string): DateParts | undefined {
  const trimmed = text.trim();
  const numeric = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:[/T](.*))?$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (numeric) {
    const parts = checked(Number(numeric[1]), numeric[2] ? Number(numeric[2]) : undefined, numeric[3] ? Number(numeric[3]) : undefined);
    // RIS puts other information after the third slash, such as a season: "2018///Spring".
    if (parts && !parts.month) parts.season = firstSeason(numeric[4] ?? '');
    if (parts) return parts;
  }
  const words = trimmed.toLowerCase().split(/[\s,./-]+/);
  const yearAt = words.findIndex((w) => /^\d{4}$/.test(w));
  if (yearAt < 0) return undefined;
  const monthAt = words.findIndex((w) => MONTH_WORDS.has(w));
  const month = monthAt < 0 ? undefined : MONTH_WORDS.get(words[monthAt] as string);
  // A day is a number beside the month: "15 March 2020", "March 15, 2020", "2020 Mar 15".
  const day = monthAt < 0 ? undefined : [words[monthAt + 1], words[monthAt - 1]].find((w) => w !== undefined && /^\d{1,2}$/.test(w));
  const parts = checked(Number(words[yearAt]), month, day === undefined ? undefined : Number(day));
  if (parts && !parts.month) parts.season = firstSeason(trimmed);
  return parts;
}

function firstSeason(text: string): Season | undefined {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .map((w) => SEASON_WORDS.get(w))
    .find(Boolean);
}

function checked(year: number, month: number | undefined, day: number | undefined): DateParts | undefined {
  if (!(year >= 1000 && year <= 2999)) return undefined;
  const parts: DateParts = { year };
  if (month !== undefined && month >= 1 && month <= 12) {
    parts.month = month;
    if (day !== undefined && day >= 1 && day <= 31) parts.day = day;
  }
  return parts;
}

/** CSL-JSON's date-parts ([[2020, 3, 15]], numbers or digit strings), read the same way. */
export function readDateParts(dateParts: unknown): DateParts | undefined {
  const first = Array.isArray(dateParts) ? dateParts[0] : undefined;
  if (!Array.isArray(first)) return undefined;
  const [year, month, day] = first.map((n) => (n === undefined || n === null || n === '' ? undefined : Number(n)));
  return year === undefined || Number.isNaN(year) ? undefined : checked(year, month, day);
}

/** How much a date says: a day, a month, a season, or only a year. */
function precision(parts: DateParts): number {
  return parts.day ? 4 : parts.month ? 3 : parts.season ? 2 : 1;
}

/** Of several readings of one reference's date, the one that says most (the first of those that say as much). */
export function mostPrecise(dates: (DateParts | undefined)[]): DateParts | undefined {
  let best: DateParts | undefined;
  for (const date of dates) if (date && (!best || precision(date) > precision(best))) best = date;
  return best;
}

/**
 * A date in the brief's form: "15 March 2020", "March 2020", "Winter 2019", "2020"; "n.d." for
 * none. A day the month does not have ("31 February 2020") is left out, and `dropped` says so.
 */
export function briefDate(parts: DateParts | undefined): { date: string; dropped?: string } {
  if (!parts) return { date: 'n.d.' };
  const month = parts.month ? MONTHS[parts.month - 1] : undefined;
  const monthYear = month ? `${month} ${parts.year}` : parts.season ? `${parts.season} ${parts.year}` : String(parts.year);
  if (!parts.day) return { date: monthYear };
  const full = `${parts.day} ${monthYear}`;
  return isBriefDate(full) ? { date: full } : { date: monthYear, dropped: `day ${parts.day}: ${month} ${parts.year} has no such day` };
}
