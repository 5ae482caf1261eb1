import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { MONTHS } from '../brief/months.js';
import type { Entry } from '../brief/types.js';
import type { ReferenceItem } from './references.js';

/** A reference as a brief entry: title, link (its URL, or its DOI as a doi.org link), month and year, source, abstract as summary. */
export function toEntry(item: ReferenceItem): Entry | undefined {
  const title = plain(item.title ?? '');
  if (!title) return undefined;
  const entry: Entry = { title };
  const url = link(item);
  if (url) entry.url = url;
  entry.date = dateOf(item);
  const container = Array.isArray(item['container-title']) ? item['container-title'][0] : item['container-title'];
  const source = plain(container ?? item.publisher ?? '');
  if (source) entry.source = source;
  const abstract = plain(item.abstract ?? '');
  if (abstract) entry.summary = [escapeMarkup(abstract)];
  return entry;
}

function link(item: ReferenceItem): string | undefined {
  if (item.URL && /^https?:\/\/\S+$/i.test(item.URL)) return item.URL;
  const doi = item.DOI?.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '');
  return doi ? `https://doi.org/${doi}` : undefined;
}

function dateOf(item: ReferenceItem): string {
  const [year, month] = item.issued?.['date-parts']?.[0]?.map(Number) ?? [];
  if (!year || Number.isNaN(year)) return 'n.d.';
  return month && month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${year}` : String(year);
}

/** Text without markup (databases put <i> and <sub> in titles and abstracts), white space collapsed. */
function plain(text: string): string {
  return textContent(parseDocument(text, { decodeEntities: true }).children)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Imported text is printed as it is: characters that inline markup would read are escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(/[\\*_[\]^`<]/g, (c) => `\\${c}`);
}
