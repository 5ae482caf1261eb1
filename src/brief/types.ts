/**
 * The Brief: a brief file's data once it has passed validation.
 * These types mirror `schema/brief.schema.json`; the schema is the authority
 * (it is what editors and `brief validate` check), these are its TypeScript view.
 */

/** A string with inline markup: **bold**, *italic*, [text](url), ^superscript^. */
export type RichText = string;

/** A bullet list inside a summary or note. */
export interface BulletList {
  list: RichText[];
}

/** A paragraph (a rich-text string) or a bullet list, as a brief holds them (the Document's blocks are another thing). */
export type BriefBlock = RichText | BulletList;

export type Access = 'free' | 'abstract-only' | 'login-required';

/** One reference of a section. */
export interface Entry {
  title: string;
  url?: string;
  /** A DOI without its resolver, "10.1186/..." (printed as a https://doi.org/ link). */
  doi?: string;
  /** As written: see src/brief/dates.ts for the forms. */
  date?: string;
  source?: string;
  access?: Access;
  loginService?: string;
  summary?: BriefBlock[];
}

/** A note standing between two entries. */
export interface NoteItem {
  note: BriefBlock[];
}

export type SectionItem = Entry | NoteItem;

export interface Subsection {
  heading: string;
  note?: BriefBlock[];
  entries?: SectionItem[];
}

export interface Section extends Subsection {
  subsections?: Subsection[];
}

export interface ClosingNote {
  heading: string;
  body: BriefBlock[];
}

export interface Brief {
  $schema?: string;
  /** A folder of templates/themes/; default "hee". */
  theme?: string;
  /** A layout in templates/layouts/; default "evidence-brief". */
  layout?: string;
  series: string;
  topic: string;
  author: string;
  organisation: string;
  team: string;
  /** Publication month, "YYYY-MM". */
  published: string;
  producedBy?: string;
  about?: RichText;
  /** Paragraphs on the title page, after the title: scope, search, names. */
  note?: BriefBlock[];
  /** How to cite the brief; made from the other fields when absent (see citation in src/layout/viewModel.ts). */
  acknowledgement?: RichText;
  contact?: string;
  sections: Section[];
  closingNote: ClosingNote;
}

export function isNoteItem(item: SectionItem): item is NoteItem {
  return 'note' in item;
}

export function isBulletList(block: BriefBlock): block is BulletList {
  return typeof block !== 'string';
}
