import { pdfmakeModule } from './pdfmakeModules.js';
import { orderLine, type BidiLine } from './bidiLines.js';
import { SOFT_HYPHEN_SHOWN } from './sharedTextLayout.js';

/**
 * Soft hyphens (U+00AD) as Word and browsers set them: invisible and of no width, unless a line
 * breaks there, when a hyphen shows (and must fit on the line).
 *
 * pdfmake breaks lines where Unicode's line breaking (UAX #14, the linebreak package) allows,
 * which includes after a soft hyphen: "Kranken\u00ADhaus" is measured as two words,
 * "Kranken\u00AD" and "haus". sharedTextLayout.ts gives a soft hyphen no glyph and no width.
 * Here:
 * - measuring: a word that ends in a soft hyphen gets a negative trailing cut of a hyphen's
 *   width. pdfmake asks whether a word fits as the last on its line by its width less its
 *   trailing cut (the room its trailing spaces need not have): so a hyphen's room is asked for
 *   exactly when the word would end the line, and the word's width in the line is without it;
 * - building a line: when the line ends with such a word (and the paragraph goes on, with no
 *   forced line break there), its soft hyphen becomes SOFT_HYPHEN_SHOWN, which is drawn as a
 *   hyphen with the text of a soft hyphen, and the word and the line get the hyphen's width.
 *
 * The same wrapper of buildNextLine then orders a line's right-to-left text (bidiLines.ts).
 *
 * This wraps pdfmake's TextInlines.measure and LayoutBuilder.buildNextLine, which are not public
 * API (pdfmake is pinned); tests/pdf-internals.test.ts fails if an upgrade moves what this relies
 * on, and tests/invisible-characters.test.ts checks what a reader sees. buildNextLine takes each
 * word off the paragraph's list as it fills a line, so a changed word is never laid out again
 * (except after a column break in snaking columns, which the writer does not use).
 */
const SOFT_HYPHEN = '\u00AD';

interface Inline {
  text: string;
  width: number;
  trailingCut?: number;
  lineEnd?: boolean;
  fontSize: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
}

interface LineLike {
  inlines: Inline[];
  inlineWidths: number;
  trailingCut: number;
  lastLineInParagraph?: boolean;
}

type Measure = (this: unknown, items: Inline[], styleStack: unknown) => Inline[];
type BuildNextLine = (this: unknown, textNode: unknown) => LineLike | null;

const textInlinesPrototype = () => pdfmakeModule<{ prototype: { measure: Measure } }>('TextInlines').default.prototype;
const layoutBuilderPrototype = () => pdfmakeModule<{ prototype: { buildNextLine: BuildNextLine } }>('LayoutBuilder').default.prototype;

let installed = false;

/** The width a hyphen takes in a word's font and size. */
function hyphenWidth(inline: Inline): number {
  return inline.font.widthOfString(SOFT_HYPHEN_SHOWN, inline.fontSize, inline.fontFeatures) + (inline.characterSpacing ?? 0);
}

export function installSoftHyphens(): void {
  if (installed) return;
  const measuring = textInlinesPrototype();
  const building = layoutBuilderPrototype();
  const measure = measuring.measure;
  const buildNextLine = building.buildNextLine;
  if (typeof measure !== 'function' || typeof buildNextLine !== 'function')
    throw new Error('pdfmake has changed: TextInlines.measure or LayoutBuilder.buildNextLine is gone (see softHyphens.ts)');
  measuring.measure = function (this: unknown, items: Inline[], styleStack: unknown) {
    const measured = measure.call(this, items, styleStack);
    for (const inline of measured) {
      if (inline.text.endsWith(SOFT_HYPHEN)) inline.trailingCut = -hyphenWidth(inline);
    }
    return measured;
  };
  building.buildNextLine = function (this: unknown, textNode: unknown) {
    const line = buildNextLine.call(this, textNode);
    const last = line?.inlines.at(-1);
    if (line && last && !line.lastLineInParagraph && !last.lineEnd && last.text.endsWith(SOFT_HYPHEN)) {
      const width = hyphenWidth(last);
      last.text = last.text.slice(0, -1) + SOFT_HYPHEN_SHOWN;
      last.width += width;
      last.trailingCut = 0;
      line.inlineWidths += width;
      line.trailingCut = 0;
    }
    // Then, a line with right-to-left text is put in visual order (bidiLines.ts).
    if (line) orderLine(line as unknown as BidiLine);
    return line;
  };
  installed = true;
}
