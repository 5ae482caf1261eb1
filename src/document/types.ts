/**
 * The Document: what layout produces and every writer consumes. It is the only contract
 * between them (as pandoc's AST is between its readers and writers), so it is small and
 * closed: a writer handles each kind below in an exhaustive `switch`, and a new kind fails
 * the type check until every writer handles it.
 *
 * Document
 *   meta     DocumentMeta: title, author, subject, keywords, language, dates, running header and footer text.
 *   blocks   Block[] in reading order.
 *
 * Blocks
 *   heading    A heading. `level` 1 and 2 are the sections and subsections that the contents
 *              lists and that get bookmarks; 3 is an entry's title. `id` is unique in the
 *              document: the target of contents links and page references.
 *   paragraph  Inline content with a `role` that names its look: body, title (the brief's
 *              title), lead (the title page's blurb), source (an entry's date, source and
 *              access marker), caption (a label such as the acknowledgement prompt).
 *   list       A bullet list; each item is inline content.
 *   box        A framed, filled panel holding blocks (the acknowledgement box).
 *   note       The team's own words among the references (a section's note, a note between
 *              entries), holding blocks: set apart, so that it never reads as the summary above it.
 *   contents   Where the contents page goes; writers generate it from the level 1 and 2 headings.
 *   pageBreak  Start a new page.
 *   image      A theme image by name (e.g. "logo"), with alternative text and printed width.
 *
 * Inlines
 *   text         Plain text, printed exactly as it is.
 *   strong       Bold.
 *   emphasis     Italic.
 *   superscript  Raised and smaller, e.g. citation numbers.
 *   link         A hyperlink (http, https or mailto) around inline content.
 *
 * A heading (and an entry's source line under it) is kept on the same page as the block after it.
 */
export interface Document {
  meta: DocumentMeta;
  blocks: Block[];
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. "en-GB". */
  language: string;
  /** Taken from the brief (its publication month), so that the same brief gives the same bytes. */
  created: Date;
  /** Running header text, shown on every page but the first. */
  header: string;
  /** Running footer text, shown beside "Page N of M" on every page but the first. */
  footer: string;
}

export type Block = Heading | Paragraph | List | Box | Note | Contents | PageBreak | Image;

export interface Heading {
  kind: 'heading';
  level: 1 | 2 | 3;
  id: string;
  content: Inline[];
}

export type ParagraphRole = 'body' | 'title' | 'lead' | 'source' | 'caption';

export interface Paragraph {
  kind: 'paragraph';
  role: ParagraphRole;
  content: Inline[];
}

export interface List {
  kind: 'list';
  items: Inline[][];
}

export interface Box {
  kind: 'box';
  blocks: Block[];
}

export interface Note {
  kind: 'note';
  blocks: Block[];
}

export interface Contents {
  kind: 'contents';
  title: string;
}

export interface PageBreak {
  kind: 'pageBreak';
}

export interface Image {
  kind: 'image';
  name: string;
  alt: string;
  width: number;
}

export type Inline = Text | Strong | Emphasis | Superscript | Link;

export interface Text {
  kind: 'text';
  text: string;
}

export interface Strong {
  kind: 'strong';
  content: Inline[];
}

export interface Emphasis {
  kind: 'emphasis';
  content: Inline[];
}

export interface Superscript {
  kind: 'superscript';
  content: Inline[];
}

export interface Link {
  kind: 'link';
  href: string;
  content: Inline[];
}

/**
 * Where a laid-out Document's headings landed: a fact of one writer's layout that another
 * can use (the docx writer writes these numbers into its contents page, where Word shows
 * them without updating fields).
 */
export interface PageMap {
  /** 1-based page of each heading, by heading id. */
  headings: Map<string, number>;
  pageCount: number;
  /**
   * Where each page begins: `starts[n - 1]` is page n's first text, or null where a page
   * begins with none (the first page, a page of pictures only). The docx writer breaks its
   * pages at these, so that Word's pages hold what the PDF's do.
   */
  starts: (TextPlace | null)[];
  /**
   * Where a line begins inside a word (no space before it: after a slash in an address, in a
   * word longer than a line), in reading order. Word must be able to break its lines there
   * too, or it would need more lines than the PDF for the same text.
   */
  wordBreaks: TextPlace[];
}

/**
 * A place in the Document's text: where a page or line begins.
 *   path    The block's index in `Document.blocks`; inside a box, then the index among the
 *           box's blocks (and so on); for a list, last the item's index; for the contents
 *           block, last its line's index (0 its title, 1 the first heading's line).
 *   offset  Characters of that block's (or item's, or line's) plain text on earlier pages
 *           (UTF-16 code units, as `plainText` counts): 0 when the page begins with it.
 */
export interface TextPlace {
  path: number[];
  offset: number;
}

/**
 * Inline content cut at characters of its plain text (`offsets`, ascending, each within it),
 * into `offsets.length + 1` parts whose plain texts join to the whole; formatting and links
 * are kept on each part. Where a page begins inside a paragraph, it is cut there.
 */
export function splitInlines(content: readonly Inline[], offsets: readonly number[]): Inline[][] {
  const parts: Inline[][] = [[]];
  let at = 0;
  const cuts = [...offsets];
  // Each inline's pieces go into the part they fall in, wrapped as the inline is.
  const walk = (inlines: readonly Inline[], wrap: (inner: Inline[]) => Inline) => {
    for (const inline of inlines) {
      if (inline.kind !== 'text') {
        walk(inline.content, (inner) => wrap([{ ...inline, content: inner }]));
        continue;
      }
      let text = inline.text;
      while (cuts.length > 0 && (cuts[0] as number) < at + text.length) {
        const cut = Math.max(0, (cuts.shift() as number) - at);
        if (cut > 0) (parts.at(-1) as Inline[]).push(wrap([{ kind: 'text', text: text.slice(0, cut) }]));
        parts.push([]);
        at += cut;
        text = text.slice(cut);
      }
      if (text) (parts.at(-1) as Inline[]).push(wrap([{ kind: 'text', text }]));
      at += text.length;
    }
  };
  walk(content, (inner) => inner[0] as Inline);
  while (cuts.shift() !== undefined) parts.push([]);
  return parts;
}

/** The plain text of inline content (for bookmarks, metadata, tests). */
export function plainText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.kind === 'text' ? inline.text : plainText(inline.content))).join('');
}

/** Headings that the contents page lists: sections and subsections. */
export function contentsHeadings(blocks: readonly Block[]): (Heading & { level: 1 | 2 })[] {
  return blocks.filter((b): b is Heading & { level: 1 | 2 } => b.kind === 'heading' && b.level <= 2);
}

/** Blocks kept on the same page as the block after them: headings, and an entry's source line. */
export function keepsWithNext(block: Block): boolean {
  return block.kind === 'heading' || (block.kind === 'paragraph' && block.role === 'source');
}

/**
 * Each heading's level in the document's outline, where levels never skip: sections 1,
 * subsections 2, and an entry's title one below the heading it is under (2 under a section,
 * 3 under a subsection). Screen readers, bookmarks and Word's navigation go by these.
 */
export function outlineLevels(blocks: readonly Block[]): Map<string, 1 | 2 | 3> {
  const levels = new Map<string, 1 | 2 | 3>();
  let section: 1 | 2 = 1;
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    if (block.level < 3) section = block.level as 1 | 2;
    levels.set(block.id, block.level < 3 ? (block.level as 1 | 2) : ((section + 1) as 2 | 3));
  }
  return levels;
}
