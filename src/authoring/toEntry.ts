import type { Entry } from '../brief/types.js';
import { escapeInlineMarkup } from '../richtext/inlineMarkup.js';
import { plainText } from './markup.js';
import { briefDate, type DateParts, mostPrecise, readDateParts, readDateText, type Season } from './referenceDates.js';
import { firstOf, type ReferenceItem } from './references.js';

/** A DOI as the schema's entry.doi takes it: no resolver, "10.1186/s12913-020-05678-9". */
const DOI = /^10\.[0-9]{4,9}\/\S+$/;
const DOI_RESOLVER = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const SEASON_NUMBERS: Season[] = ['Spring', 'Summer', 'Autumn', 'Winter'];

/**
 * A reference as a brief entry: title; its DOI in `doi` and its web address (when it has one
 * that is not only its DOI's link) in `url`; its date in the brief's forms (day, month, season,
 * year); its journal or publisher as source; its abstract as summary (escaped to print as it is).
 * Markup tags are taken out of the text (markup.ts). `problem` when it cannot be an entry (no
 * title); `notes` say what was left out (a second address, a DOI that is not one).
 */
export function toEntry(item: ReferenceItem): { entry?: Entry; problem?: string; notes: string[] } {
  const notes: string[] = [];
  const title = plainText(firstOf(item.title, 'title', notes) ?? '');
  if (!title) return { problem: 'it has no title', notes };
  const lost = [item.title, item.abstract, item['container-title'], item.publisher].flat().find((t) => t?.includes('\uFFFD'));
  if (lost !== undefined)
    return {
      problem: `it has the character \uFFFD (U+FFFD), which stands for text lost before or while the file was read (a byte that is no character in the file's encoding): correct it in the reference manager and export again`,
      notes,
    };
  const entry: Entry = { title };
  const doi = doiOf(item, notes) ?? linkedDoi(item);
  const url = webAddress(item, doi, notes);
  if (url) entry.url = url;
  if (doi) entry.doi = doi;
  const date = briefDate(item.date ?? issued(item));
  if (date.dropped) notes.push(`its date has a ${date.dropped}: left out`);
  entry.date = date.date;
  const source = plainText(firstOf(item['container-title'], 'journal title', notes) ?? firstOf(item.publisher, 'publisher', notes) ?? '');
  if (source) entry.source = source;
  const abstract = plainText(firstOf(item.abstract, 'abstract', notes) ?? '');
  if (abstract) entry.summary = [escapeInlineMarkup(abstract)];
  return { entry, notes };
}

/** The DOI without its resolver; a value that is not a DOI is left out, and said. */
function doiOf(item: ReferenceItem, notes: string[]): string | undefined {
  const written = firstOf(item.DOI, 'DOI', notes)?.trim();
  if (!written) return undefined;
  const doi = written.replace(DOI_RESOLVER, '');
  if (DOI.test(doi)) return doi;
  notes.push(`its DOI "${written}" is not a DOI (10.NNNN/...): left out`);
  return undefined;
}

/**
 * The first http(s) address of the reference, unless it is only a link to its DOI (the writers
 * print the DOI's link). Other addresses are left out, and said; a doi.org link gives the DOI
 * when the reference has none.
 */
function webAddress(item: ReferenceItem, doi: string | undefined, notes: string[]): string | undefined {
  const written = [item.URL ?? []]
    .flat()
    .map((u) => u.trim())
    .filter(Boolean);
  let url: string | undefined;
  const leftOut: string[] = [];
  for (const address of written) {
    const linkedDoi = DOI_RESOLVER.test(address) ? decodeURIComponentSafe(address.replace(DOI_RESOLVER, '')) : undefined;
    if (linkedDoi && DOI.test(linkedDoi) && (!doi || linkedDoi.toLowerCase() === doi.toLowerCase())) continue;
    if (!url && /^https?:\/\/\S+$/i.test(address)) url = address;
    else leftOut.push(address);
  }
  if (leftOut.length > 0)
    notes.push(
      `${leftOut.length === 1 ? 'an address' : `${leftOut.length} addresses`} left out (an entry has one link${url ? `, its first web address: ${url}` : ', a web address'}): ${leftOut.join(', ')}`,
    );
  return url;
}

/** The DOI of the reference's first doi.org link ("https://doi.org/10.1000/x"), for a reference that gives no DOI of its own. */
function linkedDoi(item: ReferenceItem): string | undefined {
  return [item.URL ?? []]
    .flat()
    .map((u) => u.trim())
    .filter((u) => DOI_RESOLVER.test(u))
    .map((u) => decodeURIComponentSafe(u.replace(DOI_RESOLVER, '')))
    .find((d) => DOI.test(d));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** CSL-JSON's date: the most precise of its date-parts, raw and literal forms, with its season. */
function issued(item: ReferenceItem): DateParts | undefined {
  const date = item.issued;
  if (!date) return undefined;
  const best = mostPrecise([
    readDateParts(date['date-parts']),
    date.raw ? readDateText(date.raw) : undefined,
    date.literal ? readDateText(date.literal) : undefined,
  ]);
  if (best && !best.month && !best.season && date.season !== undefined) {
    const season = typeof date.season === 'number' ? SEASON_NUMBERS[date.season - 1] : readDateText(`${date.season} ${best.year}`)?.season;
    if (season) best.season = season;
  }
  return best;
}
