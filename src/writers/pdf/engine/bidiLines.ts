import bidiFactory from 'bidi-js';

/**
 * Right-to-left text (Hebrew; Arabic too, in a theme whose font has it) set in order, line by
 * line, by the Unicode Bidirectional Algorithm (UAX #9; bidi-js, which passes Unicode's
 * conformance tests). pdfmake sets every line left to right, word by word, in the order of the
 * text: a Hebrew phrase came out with its words in reverse order and its brackets on the wrong
 * side.
 *
 * Called for each line pdfmake builds (see softHyphens.ts, which wraps buildNextLine). A line
 * with no right-to-left letter is left exactly as it was. Otherwise its text gets its embedding
 * levels (the paragraph is left to right, as Word's are by default), each word is cut where the
 * level changes or right-to-left letters begin or end, and the pieces are put in visual order
 * (rule L2: from the highest level to the lowest odd one, every run at that level or higher is
 * reversed) at new x positions. Inside a piece: a run of right-to-left letters is kept in its
 * typed order, as fontkit sets such a run right to left itself (sharedTextLayout.ts keeps a
 * word's trailing space after it); anything else at an odd level (spaces, punctuation) is
 * reversed here, with brackets mirrored (rule L4).
 *
 * The text layer: each piece's glyphs carry their own text, so every word extracts whole;
 * readers (poppler, pdf.js) put right-to-left runs back in typed order as they read.
 */
const bidi = (
  bidiFactory as unknown as () => {
    getEmbeddingLevels(text: string, direction: 'ltr' | 'rtl'): { levels: Uint8Array };
    getMirroredCharacter(c: string): string | null;
  }
)();

/** Letters of right-to-left scripts (bidi classes R and AL), and the marks that start right-to-left runs. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\u202B\u202E\u2067\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

interface Inline {
  text: string;
  width: number;
  x?: number;
  leadingCut?: number;
  trailingCut?: number;
  fontSize: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
}

export interface BidiLine {
  inlines: Inline[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
}

const widthOf = (inline: Inline, text: string) =>
  inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) + (inline.characterSpacing ?? 0) * Math.max(0, text.length - 1);

interface Piece {
  inline: Inline;
  text: string;
  level: number;
  letters: boolean;
}

/** Put a line's words in visual order, if it has right-to-left text. */
export function orderLine(line: BidiLine): void {
  if (!line.inlines.some((inline) => RIGHT_TO_LEFT.test(inline.text))) return;
  const { levels } = bidi.getEmbeddingLevels(line.inlines.map((inline) => inline.text).join(''), 'ltr');
  const pieces: Piece[] = [];
  let offset = 0;
  for (const inline of line.inlines) {
    const text = inline.text;
    let start = 0;
    for (let i = 1; i <= text.length; i++) {
      if (
        i === text.length ||
        levels[offset + i] !== levels[offset + start] ||
        RIGHT_TO_LEFT_LETTER.test(text[i] as string) !== RIGHT_TO_LEFT_LETTER.test(text[start] as string)
      ) {
        const part = text.slice(start, i);
        pieces.push({ inline, text: part, level: levels[offset + start] as number, letters: RIGHT_TO_LEFT_LETTER.test(part) });
        start = i;
      }
    }
    offset += text.length;
  }
  const highest = Math.max(...pieces.map((p) => p.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < pieces.length; ) {
      if ((pieces[i] as Piece).level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < pieces.length && (pieces[end] as Piece).level >= level) end++;
      pieces.splice(i, end - i, ...pieces.slice(i, end).reverse());
      i = end;
    }
  }
  let x = 0;
  line.inlines = pieces.map((piece, n) => {
    const text =
      piece.level % 2 === 1 && !piece.letters
        ? [...piece.text]
            .reverse()
            .map((c) => bidi.getMirroredCharacter(c) ?? c)
            .join('')
        : piece.text;
    const inline: Inline = {
      ...piece.inline,
      text,
      width: widthOf(piece.inline, text),
      x: x - line.leadingCut,
      leadingCut: n === 0 ? line.leadingCut : 0,
      trailingCut: 0,
    };
    x += inline.width;
    return inline;
  });
  const last = line.inlines.at(-1) as Inline;
  const trailing = /\s+$/.exec(last.text);
  last.trailingCut = trailing ? widthOf(last, trailing[0]) : 0;
  line.trailingCut = last.trailingCut;
  line.inlineWidths = x;
}
