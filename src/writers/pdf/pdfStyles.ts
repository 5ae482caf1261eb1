import type { Style } from 'pdfmake/interfaces.js';
import { styleSheet, type StyleName, type TextStyle } from '../../theme/styleSheet.js';
import type { WriterTheme } from '../../theme/types.js';
import { singleSpacingFactor } from './singleSpacing.js';

/** A paragraph style as pdfmake properties: its text properties, and the margin of the paragraph. */
export interface PdfStyle {
  text: Style;
  margin: [number, number, number, number];
}

export type PdfStyles = Record<StyleName, PdfStyle> & { link: Style };

/**
 * The theme's style sheet as pdfmake properties (docxStyles makes the same into Word styles).
 *
 * They are written onto each node and each piece of text, not handed to pdfmake as named
 * styles: pdfmake looks up some twenty properties for every word it measures, and a named
 * style costs each look-up a walk through the style dictionary (and a new Set), about a tenth
 * of the time of a warm build. A property on the piece of text itself is found at once.
 */
export function pdfStyles(theme: WriterTheme): PdfStyles {
  const single = singleSpacingFactor(theme.fontData.normal);
  const pdf = (s: TextStyle): PdfStyle => ({
    text: { fontSize: s.fontSize, color: s.colour, bold: s.bold, lineHeight: s.lineHeight * single },
    margin: [s.indent, s.spaceBefore, 0, 0],
  });
  const sheet = styleSheet(theme);
  const styles = Object.fromEntries(Object.entries(sheet).map(([name, s]) => [name, pdf(s)])) as Record<StyleName, PdfStyle>;
  // A list's items are indented by pdfmake itself, by the width of the bullet.
  styles.listItem = { ...styles.listItem, margin: [0, sheet.listItem.spaceBefore, 0, 0] };
  return { ...styles, link: { color: theme.colours.link, decoration: 'underline' } };
}
