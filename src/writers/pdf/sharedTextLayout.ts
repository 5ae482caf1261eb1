import { createRequire } from 'node:module';

/**
 * pdfkit shapes every word with fontkit (kerning, ligatures) and caches the result per font
 * per document, so each new PDF shapes every word again: most of a warm rebuild's time. The
 * shaping of a word depends only on the font and the word, so this keeps one cache for the
 * life of the process, keyed by font and word. (pdfkit then uses only each glyph's id, width
 * and code points, which are the same in every copy of the font.)
 *
 * The same goes for the font subsets embedded at the end (see embed below).
 *
 * This reaches into pdfkit's EmbeddedFont, which is not public API: pdfmake's version is pinned,
 * and tests/pdf-internals.test.ts fails loudly if an upgrade moves what this relies on.
 */
const MAX_WORDS = 200_000;
let installed = false;

interface ShapedWord {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: object[];
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: { postscriptName: string; head: { checkSumAdjustment: number } };
  layoutCached(text: string): ShapedWord;
  embed(): void;
  subset: { glyphs: number[]; encode(): Uint8Array };
}

/** Font subsets kept for the same set of glyphs (a brief rebuilt after a small edit): a few dozen is plenty. */
const MAX_SUBSETS = 64;

/** The prototype of pdfkit's EmbeddedFont, as pdfmake loads it, found through a throwaway document. */
export function embeddedFontPrototype(fontData: Buffer): EmbeddedFontLike {
  const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKitDocument = pdfmakeRequire('pdfkit') as new (options: object) => { font(src: Buffer): unknown; _font: object };
  const doc = new PDFKitDocument({ autoFirstPage: false });
  doc.font(fontData);
  return Object.getPrototypeOf(doc._font) as EmbeddedFontLike;
}

export function shareTextLayoutAcrossDocuments(fontData: Buffer): void {
  if (installed) return;
  const prototype = embeddedFontPrototype(fontData);
  const shapeWord = prototype.layoutCached;
  if (typeof shapeWord !== 'function' || typeof prototype.embed !== 'function') throw new Error('pdfkit has changed: EmbeddedFont.layoutCached or embed is gone (see sharedTextLayout.ts)');
  const words = new Map<string, ShapedWord>();
  // Reading a font's name is itself slow (fontkit decodes its name table): once per font object.
  const fontKeys = new WeakMap<object, string>();
  const fontKey = (font: EmbeddedFontLike['font']) => {
    let key = fontKeys.get(font);
    if (key === undefined) {
      key = `${font.postscriptName}\u0000${font.head.checkSumAdjustment}\u0000`;
      fontKeys.set(font, key);
    }
    return key;
  };
  // Embedding a font writes a subset of it with just the glyphs used, which takes a few
  // milliseconds a font; the same glyphs give the same bytes, so those are kept too.
  const subsets = new Map<string, Uint8Array>();
  const embed = prototype.embed;
  prototype.embed = function (this: EmbeddedFontLike) {
    const subset = this.subset;
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = fontKey(this.font) + subset.glyphs.join(',');
      let bytes = subsets.get(key);
      if (bytes === undefined) {
        bytes = encode();
        if (subsets.size >= MAX_SUBSETS) subsets.delete(subsets.keys().next().value as string);
        subsets.set(key, bytes);
      }
      return bytes;
    };
    embed.call(this);
  };
  prototype.layoutCached = function (this: EmbeddedFontLike, text: string) {
    const key = fontKey(this.font) + text;
    let run = words.get(key);
    if (run === undefined) {
      const shaped = shapeWord.call(this, text);
      run = {
        glyphs: shaped.glyphs.map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints })),
        positions: shaped.positions,
        advanceWidth: shaped.advanceWidth,
      };
      if (words.size >= MAX_WORDS) words.clear();
      words.set(key, run);
    }
    return run;
  };
  installed = true;
}
