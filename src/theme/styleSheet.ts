import type { ParagraphRole } from '../document/types.js';
import type { Theme } from './types.js';

/** One named paragraph style, in points, as both writers apply it. */
export interface TextStyle {
  fontSize: number;
  colour: string;
  bold: boolean;
  /** Space above the paragraph, in points. There is no space below: Word and LibreOffice disagree
   * on whether one paragraph's space below and the next one's space above add up, so it is never asked. */
  spaceBefore: number;
  /** A multiple of the font's single line spacing. */
  lineHeight: number;
  indent: number;
}

export type StyleName = ParagraphRole | 'h1' | 'h2' | 'h3' | 'listItem' | 'contentsTitle' | 'contents1' | 'contents2' | 'running';

/**
 * The look of every paragraph, in one place for both writers: the PDF and the Word document
 * lay out alike (and so put headings on the same pages) only if their sizes and spacing agree.
 */
export function styleSheet(theme: Theme): Record<StyleName, TextStyle> {
  const { colours, font } = theme;
  const { sizes, lineHeight } = font;
  const style = (fontSize: number, colour: string, spaceBefore: number, extra: Partial<TextStyle> = {}): TextStyle => ({
    fontSize,
    colour,
    bold: false,
    spaceBefore,
    lineHeight,
    indent: 0,
    ...extra,
  });
  return {
    body: style(sizes.body, colours.text, 6),
    title: style(sizes.title, colours.heading, 36, { bold: true, lineHeight: 1.05 }),
    lead: style(sizes.body + 1, colours.text, 12),
    source: style(sizes.small, colours.muted, 2),
    caption: style(sizes.body, colours.text, 0),
    h1: style(sizes.heading1, colours.heading, 18, { bold: true, lineHeight: 1.05 }),
    h2: style(sizes.heading2, colours.subheading, 14, { bold: true, lineHeight: 1.05 }),
    h3: style(sizes.heading3, colours.link, 10, { bold: true, lineHeight: 1.1 }),
    listItem: style(sizes.body, colours.text, 3, { indent: 12 }),
    contentsTitle: style(sizes.heading1, colours.heading, 0, { bold: true, lineHeight: 1.05 }),
    contents1: style(sizes.body, colours.heading, 4, { bold: true }),
    contents2: style(sizes.body, colours.subheading, 1, { indent: 16 }),
    running: style(sizes.small, colours.muted, 0),
  };
}

/** Paper sizes, in points (ISO 216 A4; US Letter), as pdfmake and Word both take them. */
const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, Letter: { width: 612, height: 792 } } as const;

/** The theme's page: its width and height, in points. */
export function pageSize(theme: Theme): { width: number; height: number } {
  return PAGE_SIZES[theme.page.size];
}

/** The width of the text between the theme's left and right margins, in points. */
export function contentWidth(theme: Theme): number {
  return pageSize(theme).width - theme.page.margins.left - theme.page.margins.right;
}

/**
 * A note among the references: set apart from the entries by a rule down its left side, in the
 * subheading colour, and space above. In points: the space above it, the rule's width, and the
 * gap between the rule and the text (the text is indented by rule and gap together).
 */
export function noteMetrics(theme: Theme): { spaceBefore: number; rule: number; gap: number; colour: string } {
  return { spaceBefore: 8, rule: 2, gap: 8, colour: theme.colours.subheading };
}

/** The framed box (the acknowledgement box): the gap above it and the padding inside, in points. */
export function boxMetrics(_theme: Theme): { spaceBefore: number; padding: number } {
  return { spaceBefore: 12, padding: 10 };
}
