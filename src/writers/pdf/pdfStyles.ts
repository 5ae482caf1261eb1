import type { StyleDictionary } from 'pdfmake/interfaces.js';
import type { ParagraphRole } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';

/** Space between lines, as a multiple of the font size: the docx writer uses the same. */
export const LINE_HEIGHT = 1.15;

/** The named styles of a brief's PDF, from its theme. Names: h1-h3 and the paragraph roles. */
export function pdfStyles(theme: Theme): StyleDictionary {
  const { colours, font } = theme;
  const { sizes } = font;
  const paragraphs: Record<ParagraphRole, StyleDictionary[string]> = {
    body: { margin: [0, 0, 0, 6] },
    title: { fontSize: sizes.title, bold: true, color: colours.heading, margin: [0, 36, 0, 24], lineHeight: 1.05 },
    lead: { fontSize: sizes.body + 1, margin: [0, 0, 0, 10] },
    source: { fontSize: sizes.small, color: colours.muted, margin: [0, 0, 0, 4] },
    caption: { margin: [0, 0, 0, 6] },
  };
  return {
    ...paragraphs,
    h1: { fontSize: sizes.heading1, bold: true, color: colours.heading, margin: [0, 16, 0, 8], lineHeight: 1.05 },
    h2: { fontSize: sizes.heading2, bold: true, color: colours.subheading, margin: [0, 12, 0, 6], lineHeight: 1.05 },
    h3: { fontSize: sizes.heading3, bold: true, color: colours.link, margin: [0, 8, 0, 2], lineHeight: 1.1 },
    list: { margin: [0, 0, 0, 6] },
    link: { color: colours.link, decoration: 'underline' },
    contentsTitle: { fontSize: sizes.heading1, bold: true, color: colours.heading, margin: [0, 0, 0, 12] },
    contents1: { bold: true, color: colours.heading },
    contents2: { color: colours.subheading },
    running: { fontSize: sizes.small, color: colours.muted },
  };
}
