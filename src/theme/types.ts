/** theme.json as written (see schema/theme.schema.json). */
export interface ThemeFile {
  name: string;
  page: { size: 'A4' | 'Letter'; margins: { top: number; right: number; bottom: number; left: number } };
  colours: { text: string; heading: string; subheading: string; link: string; muted: string; rule: string; boxFill: string };
  font: {
    family: string;
    wordFamily: string;
    files: Record<FontStyle, string>;
    sizes: { title: number; heading1: number; heading2: number; heading3: number; body: number; small: number };
    /** Line spacing as a multiple of the font's single spacing. */
    lineHeight: number;
  };
  logo: { file: string; alt: string; width: number };
  /** Number section (1, 2) and subsection (1.1) headings; default false. */
  numberSections?: boolean;
  /** The documents each brief with this theme is built into (FORMATS' names); default all: pdf, docx and html. */
  formats?: ('pdf' | 'docx' | 'html')[];
  header: string;
  footer: string;
}

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

/**
 * A theme as the PDF writer takes it: its settings, and its font and image files read into
 * memory. Plain data only: no functions, nothing a structured clone would lose but the
 * Buffers' own class (see WordTheme).
 */
export interface WriterTheme extends ThemeFile {
  /** The theme's folder name, e.g. "hee". */
  id: string;
  fontData: Record<FontStyle, Buffer>;
  /** Images by the name markup uses for them, e.g. "logo". */
  images: Record<string, Buffer>;
}

/**
 * A theme as the Word writer takes it: all of WriterTheme but the font files (Word names the
 * font; it does not embed it). It is what the Word thread receives (src/pipeline/wordJob.ts),
 * a structured clone, in which each Buffer arrives as a plain Uint8Array: hence the images' type.
 */
export interface WordTheme extends Omit<WriterTheme, 'fontData' | 'images'> {
  /** Images by the name markup uses for them, e.g. "logo". */
  images: Record<string, Uint8Array>;
}

/** A loaded theme: what the writers take, and what the pipeline alone needs of it. */
export interface Theme extends WriterTheme {
  /** Every file the theme was made from, for dependency tracking. */
  files: string[];
  /** Whether every style of the theme's font can draw this character. */
  canDraw(codePoint: number): boolean;
}

/**
 * A theme as the HTML writer takes it: as the Word writer does, all but the font files (the
 * page names the font, falling back to Arial and sans-serif; it embeds none).
 */
export type HtmlTheme = WordTheme;
