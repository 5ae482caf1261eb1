/**
 * The PDF's typographic policy for Latin text: set as Word sets it by default, glyph by glyph
 * from the font's advance widths, with no kerning and no ligatures. Then a line of the PDF and
 * the same line of the Word document are equally long, so both break their lines at the same
 * words (and the Word writer can break its pages where the PDF's begin). Any other text
 * (combining accents, Greek, Cyrillic, Hebrew) is shaped by fontkit's OpenType shaper, which
 * places marks and joins letters (engine/sharedTextLayout.ts applies this choice).
 */

/**
 * Latin letters, digits, punctuation and common symbols: text that needs no shaping (no marks to
 * place, no letters that change with their neighbours). Combining accents (U+0300 on) are not here.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a range of code points from U+0000, control characters among them
const SET_AS_WORD_DOES = /^[\u0000-\u024F\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]*$/;

/** Whether a word is set glyph by glyph (see above) rather than shaped. */
export function setAsWordDoes(text: string): boolean {
  return SET_AS_WORD_DOES.test(text);
}

/** A font as fontkit gives it: its units to the em, and the glyph it draws for a code point. */
export interface FontMetrics {
  unitsPerEm: number;
  glyphForCodePoint(code: number): { id: number; advanceWidth: number };
}

/** A word's glyphs, as pdfkit's EmbeddedFont lays a word out: ids, advances (font units) and code points; positions and total width in 1000ths of the em. */
export interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: object[];
  advanceWidth: number;
}

/**
 * A word as a plain run of glyphs, each its own width apart, in pdfkit's units (1000 to the em).
 * One glyph per character (the text has no surrogates and no variation selectors); each glyph's
 * code points are the character's own, not those of fontkit's shared glyph object.
 */
export function glyphRun(font: FontMetrics, text: string): GlyphRun {
  const scale = 1000 / font.unitsPerEm;
  const glyphs: GlyphRun['glyphs'] = [];
  const positions: object[] = [];
  let advanceWidth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const glyph = font.glyphForCodePoint(code);
    const width = glyph.advanceWidth * scale;
    advanceWidth += width;
    glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [code] });
    positions.push({ xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width });
  }
  return { glyphs, positions, advanceWidth };
}
