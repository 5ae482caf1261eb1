import PDFKitDocument from 'pdfkit';
import { installSoftHyphens } from './softHyphens.js';
import { glyphRun, setAsWordDoes } from '../wordLatinSetting.js';

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
 * (wordLatinSetting.ts, the policy): then the PDF and the Word document break their lines in the same places, and
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
  font: {
    postscriptName: string;
    head: { checkSumAdjustment: number };
    unitsPerEm: number;
    glyphsForString(text: string): FontkitGlyph[];
    glyphForCodePoint(code: number): FontkitGlyph;
  };
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
  const doc = new PDFKitDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions) as unknown as {
    font(src: Buffer): unknown;
    _font: object;
  };
  doc.font(fontData);
  return Object.getPrototypeOf(doc._font) as EmbeddedFontLike;
}

export function shareTextLayoutAcrossDocuments(fontData: Buffer): void {
  if (installed) return;
  const prototype = embeddedFontPrototype(fontData);
  const shapeWord = prototype.layoutCached;
  if (typeof shapeWord !== 'function' || typeof prototype.embed !== 'function')
    throw new Error('pdfkit has changed: EmbeddedFont.layoutCached or embed is gone (see sharedTextLayout.ts)');
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
      run = layoutVisible(this, text, shapeWord);
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
  installSoftHyphens();
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
          const glyph = run.glyphs[i] as ShapedWord['glyphs'][number];
          let gid = this.subset.includeGlyph(glyph.id);
          const known = this.unicode[gid];
          if (known == null) this.unicode[gid] = glyph.codePoints;
          else if (gid !== 0 && known !== glyph.codePoints && !sameCodePoints(known, glyph.codePoints)) gid = glyphFor(this, glyph);
          let hex = hexOfGlyph[gid];
          if (hex === undefined) {
            hex = `0000${gid.toString(16)}`.slice(-4);
            hexOfGlyph[gid] = hex;
          }
          encoded.push(hex);
          if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
          positions.push(run.positions[i] as object);
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
 * A glyph drawn for other text than the glyph id was first drawn for (the font draws a space and
 * a no-break space, or a hyphen and a soft hyphen, with one glyph): the font subset gets the
 * glyph a second time, under an id of its own, so that the PDF's ToUnicode map can say which
 * text each stands for. pdfkit keeps one text per glyph id, the first it was drawn for: after a
 * no-break space every space would be copied as one, after a soft hyphen every hyphen.
 * (fontkit's subset writes each entry of its glyph list, repeats included; its `mapping` keeps
 * the first id for each glyph, as before.) The missing glyph (0, drawn for a tab) is left as pdfkit has it.
 */
function glyphFor(font: EmbeddedFontLike, glyph: ShapedWord['glyphs'][number]): number {
  let variants = glyphVariants.get(font);
  if (variants === undefined) {
    variants = new Map();
    glyphVariants.set(font, variants);
  }
  const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
  let gid = variants.get(key);
  if (gid === undefined) {
    font.subset.glyphs.push(glyph.id);
    gid = font.subset.glyphs.length - 1;
    variants.set(key, gid);
    font.unicode[gid] = glyph.codePoints;
  }
  return gid;
}

const glyphVariants = new WeakMap<object, Map<string, number>>();

function sameCodePoints(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Characters that take no room and draw nothing, as Word and browsers show them: the soft hyphen
 * (U+00AD; shown only where a line breaks at it, see softHyphens.ts), the zero-width space
 * (U+200B; pdfmake's line breaking, UAX #14, breaks after it), the left-to-right mark, the word
 * joiner (U+2060) and the zero-width no-break space (U+FEFF). Arimo has glyphs for some of them
 * (the word joiner's is a dotted box), so they are left out of the glyphs and the widths alike.
 */
const INVISIBLE = /[\u00AD\u200B\u200E\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u200B\u200E\u2060\uFEFF]/;

/**
 * The last character of a line's last word when the line breaks at a soft hyphen (put there by
 * softHyphens.ts in place of the soft hyphen): drawn as the font's hyphen, with the text of a
 * soft hyphen, which is how PDF marks a hyphen added by line breaking (ISO 32000-1, 14.8.2.2.3),
 * so that text extraction can join the word again. A Unicode noncharacter, for a program's
 * internal use: no brief can hold it (no font draws it, so the font check refuses it).
 */
export const SOFT_HYPHEN_SHOWN = '\uFDD0';

/** A word's glyphs (one word as pdfkit splits text: up to and including a space), with invisible characters left out. */
function layoutVisible(font: EmbeddedFontLike, text: string, shapeWord: (this: EmbeddedFontLike, text: string) => ShapedWord): ShapedWord {
  const shown = text.indexOf(SOFT_HYPHEN_SHOWN);
  if (shown >= 0) {
    // The hyphen where the line breaks, between what comes before it and any space after it.
    const before = layoutVisible(font, text.slice(0, shown), shapeWord);
    const after = layoutVisible(font, text.slice(shown + 1), shapeWord);
    const hyphen = font.font.glyphForCodePoint(0x2d);
    const width = hyphen.advanceWidth * (1000 / font.font.unitsPerEm);
    return {
      glyphs: [...before.glyphs, { id: hyphen.id, advanceWidth: hyphen.advanceWidth, codePoints: [0xad] }, ...after.glyphs],
      positions: [...before.positions, { xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width }, ...after.positions],
      advanceWidth: before.advanceWidth + width + after.advanceWidth,
    };
  }
  const visible = HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
  if (setAsWordDoes(visible)) return glyphRun(font.font, visible);
  // fontkit sets a run whose script is right to left in reverse, whole: its right-to-left letters are
  // shaped on their own, and whatever is around them (a space, a no-break space and a Latin word) as
  // it is. The line is in visual order already (bidiLines.ts); a run of right-to-left letters is the
  // one thing still in typed order, which fontkit reverses.
  const runs = RIGHT_TO_LEFT_RUNS.test(visible) ? visible.match(RIGHT_TO_LEFT_OR_NOT) : null;
  if (runs && runs.length > 1) {
    const parts = runs.map((run) => layoutVisible(font, run, shapeWord));
    return {
      glyphs: parts.flatMap((part) => part.glyphs),
      positions: parts.flatMap((part) => part.positions),
      advanceWidth: parts.reduce((width, part) => width + part.advanceWidth, 0),
    };
  }
  const shaped = shapeWord.call(font, visible);
  return {
    glyphs: shaped.glyphs.map(({ id, advanceWidth, codePoints }) => ({ id, advanceWidth, codePoints: textOfGlyph(font.font, visible, id, codePoints) })),
    positions: shaped.positions,
    advanceWidth: shaped.advanceWidth,
  };
}

const RIGHT_TO_LEFT_RUNS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const RIGHT_TO_LEFT_OR_NOT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]+|[^\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]+/g;

/**
 * The text a shaped glyph stands for. fontkit keeps one glyph object per glyph id, made with the
 * code points it was first asked for, and its shaper hands that object back: in a font that draws
 * two characters alike, the second would be given the first's text. Code points not in the word
 * are replaced by the word's first character that the font draws with this glyph.
 */
function textOfGlyph(font: EmbeddedFontLike['font'], word: string, id: number, codePoints: number[]): number[] {
  if (codePoints.every((code) => word.includes(String.fromCodePoint(code)))) return codePoints;
  for (const c of word) {
    const code = c.codePointAt(0) as number;
    if (font.glyphForCodePoint(code).id === id) return [code];
  }
  return codePoints;
}
