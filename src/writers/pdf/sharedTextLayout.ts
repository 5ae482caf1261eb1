import PDFKitDocument from 'pdfkit';

/**
 * pdfkit shapes every word with fontkit (kerning, ligatures) and caches the result per font
 * per document, so each new PDF shapes every word again: most of a warm rebuild's time. The
 * shaping of a word depends only on the font and the word, so this keeps one cache for the
 * life of the process, keyed by font and word. (pdfkit then uses only each glyph's id, width
 * and code points, which are the same in every copy of the font.)
 *
 * The same goes for the font subsets embedded at the end (see embed below).
 *
 * Latin text is set as Word sets it by default, glyph by glyph with no kerning and no ligatures
 * (see glyphRun): then the PDF and the Word document break their lines in the same places, and
 * a word costs a table look-up rather than a run of fontkit's OpenType shaper, which is most of
 * the time of the first build in a new process. Any other script is shaped by fontkit as before.
 *
 * This reaches into pdfkit's EmbeddedFont, which is not public API: pdfmake and pdfkit are pinned,
 * and tests/pdf-internals.test.ts fails loudly if an upgrade moves what this relies on.
 */
const MAX_WORDS = 200_000;
let installed = false;

interface ShapedWord {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: object[];
  advanceWidth: number;
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface EmbeddedFontLike {
  font: { postscriptName: string; head: { checkSumAdjustment: number }; unitsPerEm: number; glyphsForString(text: string): FontkitGlyph[] };
  layoutCached(text: string): ShapedWord;
  encode(text: string, features?: unknown): [string[], object[]];
  embed(): void;
  subset: { glyphs: number[]; encode(): Uint8Array; includeGlyph(id: number): number };
  scale: number;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
}

/** The EmbeddedFont methods as pdfkit has them, before shareTextLayoutAcrossDocuments replaces any (for tests to compare). */
export const pdfkitOwn: { encode?: EmbeddedFontLike['encode'] } = {};

/** Font subsets kept for the same set of glyphs (a brief rebuilt after a small edit): a few dozen is plenty. */
const MAX_SUBSETS = 64;

/** The prototype of pdfkit's EmbeddedFont, as pdfmake loads it, found through a throwaway document. */
export function embeddedFontPrototype(fontData: Buffer): EmbeddedFontLike {
  // No default font: pdfkit would read Helvetica's metrics from a file beside its own code.
  const doc = new PDFKitDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions) as unknown as { font(src: Buffer): unknown; _font: object };
  doc.font(fontData);
  return Object.getPrototypeOf(doc._font) as EmbeddedFontLike;
}

export function shareTextLayoutAcrossDocuments(fontData: Buffer): void {
  if (installed) return;
  const prototype = embeddedFontPrototype(fontData);
  const shapeWord = prototype.layoutCached;
  if (typeof shapeWord !== 'function' || typeof prototype.embed !== 'function') throw new Error('pdfkit has changed: EmbeddedFont.layoutCached or embed is gone (see sharedTextLayout.ts)');
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
  // Words by font (by the font's name and checksum), and the same maps by font object, so that
  // looking a word up builds no key string.
  const wordsByFont = new Map<string, Map<string, ShapedWord>>();
  const wordsOfFont = new WeakMap<object, Map<string, ShapedWord>>();
  let wordCount = 0;
  const wordsOf = (font: EmbeddedFontLike['font']) => {
    let words = wordsOfFont.get(font);
    if (words === undefined) {
      const key = fontKey(font);
      words = wordsByFont.get(key) ?? new Map<string, ShapedWord>();
      wordsByFont.set(key, words);
      wordsOfFont.set(font, words);
    }
    return words;
  };
  prototype.layoutCached = function (this: EmbeddedFontLike, text: string) {
    const words = wordsOf(this.font);
    let run = words.get(text);
    if (run === undefined) {
      const shaped = UNSHAPED.test(text) ? glyphRun(this.font, text) : shapeWord.call(this, text);
      run = {
        glyphs: shaped.glyphs.map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints })),
        positions: shaped.positions,
        advanceWidth: shaped.advanceWidth,
      };
      if (wordCount >= MAX_WORDS) {
        for (const cached of wordsByFont.values()) cached.clear();
        wordCount = 0;
      }
      words.set(text, run);
      wordCount++;
    }
    return run;
  };
  pdfkitOwn.encode = prototype.encode;
  prototype.encode = encodeWordByWord(prototype.encode);
  installed = true;
}

/** Each glyph id as the four hex digits pdfkit writes it in (a subset's ids are small and few). */
const hexOfGlyph: string[] = [];

/**
 * pdfkit's EmbeddedFont.encode, the glyphs of a piece of text for drawing, without its
 * copying: pdfkit gathers the text's glyphs by concatenating each word's onto all before it
 * (a line drawn as one run copies its glyphs over and over), then writes each glyph's id as
 * a new hex string. This goes word by word as pdfkit does, adding each word's glyphs once, and
 * writes each id's hex once per process. Same glyph ids, positions, widths and code points.
 */
function encodeWordByWord(original: EmbeddedFontLike['encode']): EmbeddedFontLike['encode'] {
  return function (this: EmbeddedFontLike, text: string, features?: unknown) {
    if (features) return original.call(this, text, features);
    const encoded: string[] = [];
    const positions: object[] = [];
    // pdfkit's split: a word ends after each space or tab, and at the end of the text.
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const atEnd = index === text.length;
      if ((atEnd && last < index) || (!atEnd && (text[index] === ' ' || text[index] === '\t'))) {
        const run = this.layoutCached(text.slice(last, ++index));
        for (let i = 0; i < run.glyphs.length; i++) {
          const glyph = run.glyphs[i]!;
          const gid = this.subset.includeGlyph(glyph.id);
          encoded.push((hexOfGlyph[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
          if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
          if (this.unicode[gid] == null) this.unicode[gid] = glyph.codePoints;
          positions.push(run.positions[i]!);
        }
        last = index;
      } else {
        index++;
      }
    }
    return [encoded, positions];
  };
}

/**
 * Latin letters, digits, punctuation and common symbols: text that needs no shaping (no marks to
 * place, no letters that change with their neighbours). Combining accents (U+0300 on) are not here.
 */
const UNSHAPED = /^[\u0000-\u024F\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]*$/;

/** A word as a plain run of glyphs, each its own width apart, in pdfkit's units (1000 to the em). */
function glyphRun(font: EmbeddedFontLike['font'], text: string): ShapedWord {
  const scale = 1000 / font.unitsPerEm;
  const glyphs = font.glyphsForString(text);
  let advanceWidth = 0;
  const positions = glyphs.map((glyph) => {
    const width = glyph.advanceWidth * scale;
    advanceWidth += width;
    return { xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width };
  });
  return { glyphs, positions, advanceWidth };
}
