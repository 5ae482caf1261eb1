import { monthAndYear } from '../brief/months.js';
import { escapeInlineMarkup, linkAddress } from '../richtext/inlineMarkup.js';
import { isBulletList, isNoteItem, type BriefBlock, type Brief, type Entry, type Subsection } from '../brief/types.js';

/**
 * What the templates see: the brief with every optional field present (null or false when
 * absent, so strict mode can catch a misspelt field in a template), ids for headings, and
 * the words templates need but the brief does not hold as such (the month, the full title).
 */
export interface BriefView {
  title: string;
  series: string;
  topic: string;
  author: string;
  organisation: string;
  team: string;
  /** "January 2021". */
  month: string;
  /** "2021-01-01": the creation date written into the documents. */
  created: string;
  keywords: string;
  producedBy: string | null;
  about: string | null;
  /** The brief-level note's blocks, or null. */
  note: BlockView[] | null;
  /** As written, or made from the fields (citation()). */
  acknowledgement: string;
  contact: string | null;
  sections: SectionView[];
  closingNote: { id: string; heading: string; body: BlockView[] };
}

export interface BlockView {
  isList: boolean;
  text: string | null;
  items: string[] | null;
}

export interface EntryView {
  id: string;
  title: string;
  /** Where the title links: the url, else the DOI's https://doi.org/ address; written as linkAddress() writes it. */
  url: string | null;
  /** The DOI's link, printed after the source when the entry has both a url and a doi: its address, and the text shown (the address as typed, not percent-encoded). */
  doiLink: { href: string; text: string } | null;
  date: string | null;
  source: string | null;
  abstractOnly: boolean;
  loginRequired: boolean;
  /** The login service named, with loginRequired ("Athens"); null for "Log in required*". */
  loginService: string | null;
  summary: BlockView[];
}

export interface ItemView {
  isNote: boolean;
  note: BlockView[] | null;
  entry: EntryView | null;
}

export interface SubsectionView {
  id: string;
  /** "1", "1.2": with the theme's numberSections; else null. */
  number: string | null;
  heading: string;
  note: BlockView[] | null;
  items: ItemView[];
}

export interface SectionView extends SubsectionView {
  subsections: SubsectionView[];
}

/** The view's options that come from the theme. */
export interface ViewOptions {
  /** Number section and subsection headings (theme.json numberSections). */
  numberSections?: boolean;
}

/**
 * The citation an acknowledgement box shows when the brief writes none: "<series>: <topic>.
 * <author>. (<month year>). <organisation>." as rich text (each field's text printed as typed).
 */
export function citation(brief: Brief): string {
  const sentence = (text: string) => escapeInlineMarkup(/[.!?]$/.test(text) ? text : `${text}.`);
  return [sentence(`${brief.series}: ${brief.topic}`), sentence(brief.author), `(${monthAndYear(brief.published)}).`, sentence(brief.organisation)].join(' ');
}

/** A DOI's address at the DOI resolver; characters that would end the path ("#", "?") and "%" are percent-encoded. */
export function doiAddress(doi: string): string {
  return linkAddress(`https://doi.org/${doi.replace(/[%#?]/g, (c) => encodeURIComponent(c))}`);
}

export function briefView(brief: Brief, options: ViewOptions = {}): BriefView {
  let entryNumber = 0;
  const blocks = (list: BriefBlock[] | undefined): BlockView[] =>
    (list ?? []).map((block) => (isBulletList(block) ? { isList: true, text: null, items: block.list } : { isList: false, text: block, items: null }));
  const entry = (e: Entry): EntryView => {
    const doi = e.doi === undefined ? null : doiAddress(e.doi);
    return {
      id: `entry-${++entryNumber}`,
      title: e.title,
      url: e.url === undefined ? doi : linkAddress(e.url),
      doiLink: e.url === undefined || e.doi === undefined || doi === null ? null : { href: doi, text: `https://doi.org/${e.doi}` },
      date: e.date ?? null,
      source: e.source ?? null,
      abstractOnly: e.access === 'abstract-only',
      loginRequired: e.access === 'login-required',
      loginService: e.access === 'login-required' ? (e.loginService ?? null) : null,
      summary: blocks(e.summary),
    };
  };
  const part = (p: Subsection, id: string, number: string | null): SubsectionView => ({
    id,
    number,
    heading: p.heading,
    note: p.note ? blocks(p.note) : null,
    items: (p.entries ?? []).map((item) =>
      isNoteItem(item) ? { isNote: true, note: blocks(item.note), entry: null } : { isNote: false, note: null, entry: entry(item) },
    ),
  });
  return {
    title: `${brief.series}: ${brief.topic}`,
    series: brief.series,
    topic: brief.topic,
    author: brief.author,
    organisation: brief.organisation,
    team: brief.team,
    month: monthAndYear(brief.published),
    created: `${brief.published}-01`,
    keywords: [brief.topic, brief.series, brief.organisation].join(', '),
    producedBy: brief.producedBy ?? null,
    about: brief.about ?? null,
    note: brief.note ? blocks(brief.note) : null,
    acknowledgement: brief.acknowledgement ?? citation(brief),
    contact: brief.contact ?? null,
    sections: brief.sections.map((section, s) => ({
      ...part(section, `section-${s + 1}`, options.numberSections ? `${s + 1}` : null),
      subsections: (section.subsections ?? []).map((sub, i) => part(sub, `section-${s + 1}-${i + 1}`, options.numberSections ? `${s + 1}.${i + 1}` : null)),
    })),
    closingNote: { id: 'closing-note', heading: brief.closingNote.heading, body: blocks(brief.closingNote.body) },
  };
}
