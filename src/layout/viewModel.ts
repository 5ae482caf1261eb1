import { monthAndYear } from '../brief/months.js';
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
  url: string | null;
  date: string | null;
  source: string | null;
  abstractOnly: boolean;
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
  heading: string;
  note: BlockView[] | null;
  items: ItemView[];
}

export interface SectionView extends SubsectionView {
  subsections: SubsectionView[];
}

export function briefView(brief: Brief): BriefView {
  let entryNumber = 0;
  const blocks = (list: BriefBlock[] | undefined): BlockView[] =>
    (list ?? []).map((block) => (isBulletList(block) ? { isList: true, text: null, items: block.list } : { isList: false, text: block, items: null }));
  const entry = (e: Entry): EntryView => ({
    id: `entry-${++entryNumber}`,
    title: e.title,
    url: e.url ?? null,
    date: e.date ?? null,
    source: e.source ?? null,
    abstractOnly: e.access === 'abstract-only',
    loginService: e.access === 'login-required' ? (e.loginService ?? null) : null,
    summary: blocks(e.summary),
  });
  const part = (p: Subsection, id: string): SubsectionView => ({
    id,
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
    acknowledgement: brief.acknowledgement,
    contact: brief.contact ?? null,
    sections: brief.sections.map((section, s) => ({
      ...part(section, `section-${s + 1}`),
      subsections: (section.subsections ?? []).map((sub, i) => part(sub, `section-${s + 1}-${i + 1}`)),
    })),
    closingNote: { id: 'closing-note', heading: brief.closingNote.heading, body: blocks(brief.closingNote.body) },
  };
}
