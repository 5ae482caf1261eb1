import type { Style, StyleDictionary } from 'pdfmake/interfaces.js';
import { styleSheet, type TextStyle } from '../../theme/styleSheet.js';
import type { Theme } from '../../theme/types.js';
import { singleSpacingFactor } from './singleSpacing.js';

/** The theme's style sheet as pdfmake styles (docxStyles makes the same into Word styles). */
export function pdfStyles(theme: Theme): StyleDictionary {
  const single = singleSpacingFactor(theme.fontData.normal);
  const pdf = (s: TextStyle): Style => ({
    fontSize: s.fontSize,
    color: s.colour,
    bold: s.bold,
    lineHeight: s.lineHeight * single,
    margin: [s.indent, s.spaceBefore, 0, 0],
  });
  const sheet = styleSheet(theme);
  const styles: StyleDictionary = Object.fromEntries(Object.entries(sheet).map(([name, s]) => [name, pdf(s)]));
  // A list's items are indented by pdfmake itself, by the width of the bullet.
  styles.listItem = { ...styles.listItem, margin: [0, sheet.listItem.spaceBefore, 0, 0] };
  styles.link = { color: theme.colours.link, decoration: 'underline' };
  return styles;
}
