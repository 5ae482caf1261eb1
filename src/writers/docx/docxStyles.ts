import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';
import { styleSheet, type StyleName, type TextStyle } from '../../theme/styleSheet.js';
import type { WordTheme } from '../../theme/types.js';

/** Points to the half-points Word measures font sizes in. */
const halfPoints = (pt: number) => Math.round(pt * 2);
/** Points to twentieths of a point (twips), Word's unit for spacing and indents. */
export const twips = (pt: number) => Math.round(pt * 20);
const colour = (hex: string) => hex.replace('#', '');

/** Word's own style ids for our style names, where Word has one (so its navigation pane and "Update table" know them). */
const WORD_STYLE: Record<StyleName, { id: string; name: string }> = {
  body: { id: 'Normal', name: 'Normal' },
  title: { id: 'Title', name: 'Title' },
  lead: { id: 'Lead', name: 'Lead' },
  source: { id: 'Source', name: 'Source' },
  caption: { id: 'Caption', name: 'caption' },
  h1: { id: 'Heading1', name: 'heading 1' },
  h2: { id: 'Heading2', name: 'heading 2' },
  h3: { id: 'Heading3', name: 'heading 3' },
  listItem: { id: 'ListBullet', name: 'List Bullet' },
  contentsTitle: { id: 'TOCHeading', name: 'TOC Heading' },
  contents1: { id: 'TOC1', name: 'toc 1' },
  contents2: { id: 'TOC2', name: 'toc 2' },
  running: { id: 'Running', name: 'Running header' },
};

export function wordStyleId(name: StyleName): string {
  return WORD_STYLE[name].id;
}

/**
 * An entry's title directly under a section is at outline level 2 (levels never skip) but
 * looks like every other entry title: a style of its own, based on Heading 2, with h3's look.
 */
export const ENTRY_HEADING_2 = { id: 'EntryHeading2', name: 'Entry heading 2' };

/**
 * The theme's style sheet as Word paragraph styles (pdfStyles makes the same into pdfmake
 * styles). Headings carry outline levels, keep with the next paragraph and keep their lines together.
 */
export function docxStyles(theme: WordTheme, language: string): IStylesOptions {
  const { font } = theme;
  const sheet = styleSheet(theme);
  const word = (name: StyleName, s: TextStyle) => {
    const level = { h1: 0, h2: 1, h3: 2 }[name as 'h1' | 'h2' | 'h3'];
    const heading = level !== undefined;
    return {
      ...WORD_STYLE[name],
      basedOn: name === 'body' ? undefined : 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: font.wordFamily, size: halfPoints(s.fontSize), bold: s.bold, color: colour(s.colour) },
      paragraph: {
        // lineRule must be explicit: LibreOffice does not read a missing one as "auto" (a multiple of single spacing).
        spacing: { before: twips(s.spaceBefore), after: 0, line: Math.round(240 * s.lineHeight), lineRule: LineRuleType.AUTO },
        indent: s.indent && name !== 'listItem' ? { left: twips(s.indent) } : undefined,
        ...(heading ? { outlineLevel: level, keepNext: true, keepLines: true } : {}),
        ...(name === 'source' ? { keepNext: true } : {}),
      },
    };
  };
  return {
    default: {
      document: {
        run: { font: font.wordFamily, size: halfPoints(sheet.body.fontSize), color: colour(sheet.body.colour), language: { value: language } },
        // No widow or orphan control: the PDF has none, and its pages are Word's (pageBreaks.ts); Word's
        // Normal template would otherwise move a paragraph's first or last line to keep two together.
        // (docx 9 writes it here, through the paragraph properties it shares with paragraphs; its type leaves it out.)
        paragraph: { widowControl: false } as IParagraphStylePropertiesOptions,
      },
      hyperlink: { run: { color: colour(theme.colours.link), underline: {} } },
    },
    paragraphStyles: [
      ...(Object.entries(sheet) as [StyleName, TextStyle][]).map(([name, s]) => word(name, s)),
      (() => {
        const entry = word('h3', sheet.h3);
        return { ...entry, ...ENTRY_HEADING_2, basedOn: wordStyleId('h2'), paragraph: { ...entry.paragraph, outlineLevel: 1 } };
      })(),
    ],
  };
}

/** The one bullet list definition: a round bullet in the heading colour, hanging like the PDF's. */
export function docxNumbering(theme: WordTheme): INumberingOptions {
  const indent = twips(styleSheet(theme).listItem.indent);
  return {
    config: [
      {
        reference: 'bullets',
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '\u2022',
            alignment: AlignmentType.LEFT,
            style: { run: { color: colour(theme.colours.heading) }, paragraph: { indent: { left: indent, hanging: indent } } },
          },
        ],
      },
    ],
  };
}
