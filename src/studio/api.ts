/**
 * The studio's JSON API, as types shared by the server (src/studio/server/) and the browser's
 * front end (src/studio/app/): types only, no Node imports, so the bundle can import them.
 * Every error answer is an ApiError: `{ message }` in plain words.
 */
import type { Brief } from '../brief/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type { Access, BriefBlock, BulletList, ClosingNote, Entry, NoteItem, RichText, Section, SectionItem, Subsection } from '../brief/types.js';
export type { Brief };

/** One problem or warning, as the command line reports it: the same record (types only, so the page's bundle takes nothing else). */
export type ApiDiagnostic = Diagnostic;

/** Any error answer (4xx, 5xx). */
export interface ApiError {
  message: string;
}

/** GET /api/schema: schema/brief.schema.json as the validator uses it. */
export type SchemaResponse = Record<string, unknown>;

/** GET /api/briefs/<name> → 200. */
export interface BriefResponse {
  name: string;
  /** sha256 (hex) of the file's bytes: send it back with a save. */
  version: string;
  /** The parsed file; null when it is not valid JSON. */
  brief: Brief | null;
  /** The file's text. */
  text: string;
  /** `brief validate`'s problems. */
  problems: ApiDiagnostic[];
  /** `brief lint`'s warnings. */
  warnings: ApiDiagnostic[];
}

/** PUT /api/briefs/<name>: the version the page opened, and the brief to save (saved even with schema problems). */
export interface SaveRequest {
  version: string;
  brief: Brief;
}

/** PUT → 200: the new version, and the saved brief's problems and warnings. */
export interface SaveResponse {
  version: string;
  problems: ApiDiagnostic[];
  warnings: ApiDiagnostic[];
}

/** PUT → 409: the file was changed on disk since `version`; nothing was written. The current file: */
export interface SaveConflict {
  message: string;
  version: string;
  brief: Brief | null;
  text: string;
}

/** POST /api/briefs: a new brief, as `brief new <name> --title "<title>"` makes it. */
export interface NewBriefRequest {
  /** Lower-case letters, digits and hyphens (400 otherwise; 409 if it exists). */
  name: string;
  title: string;
  /** The team's standard sections, empty, as `brief new --standard-sections`; else one section with an example entry. */
  standardSections?: boolean;
}

/** POST /api/briefs → 201. */
export interface NewBriefResponse {
  name: string;
}

/** POST /api/import: the references export to import into `section` of `brief` (nothing is written). */
export interface ImportRequest {
  brief: Brief;
  /** The section's heading; a new section at the end when no section has it. */
  section: string;
  /** The export's file name: its extension says the format (.ris, .bib, .nbib, .json). */
  filename: string;
  /** The export's bytes, base64. */
  content: string;
}

/** POST /api/import → 200: the brief with the entries added. */
export interface ImportResponse {
  brief: Brief;
  added: { title: string; date?: string; source?: string }[];
  skipped: { title: string; why: string }[];
  /** Records not imported, by their line in the export. */
  problems: { line?: number; message: string }[];
  /** Said when the export was not plain UTF-8 (e.g. "read as Windows-1252"). */
  encoding?: string;
}

/** POST /api/sort: sort every section's entries newest first (nothing is written). */
export interface SortRequest {
  brief: Brief;
}

/** One entry moved by the sort, as `brief sort` says it. */
export interface SortMove {
  /** "Section" or "Section > Subsection". */
  where: string;
  entry: { title: string; date?: string };
  place: 'before' | 'after';
  other: { title: string; date?: string };
}

/** POST /api/sort → 200. */
export interface SortResponse {
  brief: Brief;
  moved: SortMove[];
}
