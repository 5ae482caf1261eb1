import * as fontkit from 'fontkit';

const cache = new WeakMap<Buffer, number>();

/**
 * Word's "single" line spacing is the font's ascent + descent + line gap; pdfmake's line
 * height leaves the gap out. This is the factor between them, so that a line spacing of
 * 1.15 means the same in the PDF as in the Word document.
 */
export function singleSpacingFactor(fontData: Buffer): number {
  let factor = cache.get(fontData);
  if (factor === undefined) {
    const font = fontkit.create(fontData) as fontkit.Font;
    factor = (font.ascent - font.descent + font.lineGap) / (font.ascent - font.descent);
    cache.set(fontData, factor);
  }
  return factor;
}
