import type { ParagraphRole } from '../document/types.js';
import type { ThemeFile } from './types.js';

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
export function styleSheet(theme: ThemeFile): Record<StyleName, TextStyle> {
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

/**
 * The theme's page, for both writers: where the text frame and the running header and footer
 * sit. Every number is in points (1/72 inch), measured from the page's edges. The Word writer
 * makes its text frame a little wider and taller than the margins say (WORD_LINE_EXTRA,
 * WORD_FRAME_EXTRA in src/writers/docx/writeDocx.ts): that is its own. pdfmake places a running
 * footer by its top and Word by its bottom, so each has its own number (footerBelowText,
 * footerFromBottom); they do not put the footer at the same height.
 */
export interface PageGeometry {
  /** The paper: width and height, in points. */
  size: { width: number; height: number };
  /** The text frame's distance from each edge of the page, in points (theme.json's `page.margins`). */
  margins: { top: number; right: number; bottom: number; left: number };
  /** The width of the text frame, in points: the page's width less the left and right margins. The running header and footer (and their rules) are as wide. */
  contentWidth: number;
  /** The running header (every page but the first): its text's top, from the page's top edge, in points. */
  headerTop: number;
  /** The gap between the running header's or footer's text and its rule (below the header's text, above the footer's), in points. */
  ruleGap: number;
  /** The PDF's running footer: its rule's distance below the text frame's bottom margin line, in points (pdfmake places a footer by its top, from the bottom margin). */
  footerBelowText: number;
  /** Word's running footer: its text's bottom, from the page's bottom edge, in points (Word places a footer by its bottom, from the page's edge). */
  footerFromBottom: number;
}

/** The theme's page geometry, in points: see PageGeometry. */
export function pageGeometry(theme: ThemeFile): PageGeometry {
  const { width, height } = PAGE_SIZES[theme.page.size];
  const { top, right, bottom, left } = theme.page.margins;
  return {
    size: { width, height },
    margins: { top, right, bottom, left },
    contentWidth: width - left - right,
    headerTop: top / 2 - 4,
    ruleGap: 4,
    footerBelowText: 12,
    footerFromBottom: bottom / 2 - 10,
  };
}

/**
 * A note among the references: set apart from the entries by a rule down its left side, in the
 * subheading colour, and space above. In points: the space above it, the rule's width, and the
 * gap between the rule and the text (the text is indented by rule and gap together).
 */
export function noteMetrics(theme: ThemeFile): { spaceBefore: number; rule: number; gap: number; colour: string } {
  return { spaceBefore: 8, rule: 2, gap: 8, colour: theme.colours.subheading };
}

/** The framed box (the acknowledgement box): the gap above it and the padding inside, in points. */
export function boxMetrics(_theme: ThemeFile): { spaceBefore: number; padding: number } {
  return { spaceBefore: 12, padding: 10 };
}
