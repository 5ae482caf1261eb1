/**
 * pdfmake lays text out word by word and draws each word as a text object of its own, with its
 * font, colour and position set again (its Renderer has a TODO for this). Words that sit end to
 * end on a line and are drawn alike are one piece of text to pdfkit: drawn as one, they give the
 * same glyphs at the same places (the PDF's Latin text has no kerning between words to lose),
 * in a fraction of the operators and the time.
 */

/** What pdfmake's Renderer reads of a laid-out word. */
export interface LaidOutWord {
  text: string;
  x: number;
  width: number;
  trailingCut?: number;
  _pageNodeRef?: unknown;
  [property: string]: unknown;
}

/** Everything that changes how a word is drawn: words alike in all of them can be drawn as one. */
export const DRAWN_BY = [
  'font',
  'fontSize',
  'height',
  'color',
  'opacity',
  'characterSpacing',
  'fontFeatures',
  'link',
  'linkToPage',
  'linkToDestination',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'justifyShift',
  'sup',
  'sub',
] as const;

/** What else pdfmake reads of a word when it draws it: where it is, and the page-number placeholder (never joined). */
export const PLACED_BY = ['text', 'x', 'width', '_pageNodeRef', 'alignment'] as const;

/** The words of a line (in order) with each run of adjacent words drawn alike joined into one (the caller keeps structure elements apart). */
export function joinWordsDrawnAlike<T extends LaidOutWord>(words: readonly T[]): T[] {
  const joined: T[] = [];
  // The last entry is a copy made here (pdfmake's own word objects are never changed).
  let ownCopy = false;
  for (const word of words) {
    const last = joined[joined.length - 1];
    if (last !== undefined && canJoin(last, word)) {
      const run = ownCopy ? last : Object.assign(Object.create(Object.getPrototypeOf(last) as object) as T, last);
      joined[joined.length - 1] = run;
      ownCopy = true;
      run.text += word.text;
      run.width += word.width;
      run.trailingCut = word.trailingCut;
    } else {
      joined.push(word);
      ownCopy = false;
    }
  }
  return joined;
}

function canJoin(a: LaidOutWord, b: LaidOutWord): boolean {
  // A page-number placeholder is rewritten when it is drawn; justified words have gaps between them.
  if (a._pageNodeRef || b._pageNodeRef || Math.abs(a.x + a.width - b.x) > 1e-6) return false;
  return DRAWN_BY.every((property) => a[property] === b[property]);
}
