import fc from 'fast-check';

/**
 * Text made at random (fast-check) from the characters that have broken a document's text
 * before, for property tests of single fields (tests/text-characters.test.ts) and of whole
 * briefs. Each kind is here because it went wrong:
 * - accents typed composed (NFC) or decomposed (NFD, as a Mac pastes): decomposed ones split
 *   words in the PDF's text layer; Welsh ŵ ŷ and Greek, which are set by other code paths;
 * - soft hyphens (U+00AD) inside words: printed mid-word, and turned later hyphens into soft
 *   hyphens in the text layer (one glyph, one text);
 * - zero-width space (U+200B), word joiner (U+2060, Arimo draws it as a box), no-break space
 *   and narrow no-break space (U+00A0, U+202F: one glyph with the space and the thin space);
 * - hyphens, as in "well-being", next to all of these;
 * - Hebrew words among left-to-right ones: words glued and set in the wrong order until the
 *   PDF writer ordered right-to-left runs;
 * - control characters (C0 but tab, line feed and carriage return; DEL; C1), which must be
 *   refused with their place.
 *
 * `printableText` never holds a refused character; `anyText` sometimes does (`refusedIn` says
 * which). `asRead(text)` is what a reader must find in both documents: composed, with the
 * invisible characters gone; `wordsOf(text)` the words of a text with right-to-left words in
 * it, which PDF readers give back in their own order.
 */

export const SOFT_HYPHEN = '\u00ad';
export const ZERO_WIDTH_SPACE = '\u200b';
export const WORD_JOINER = '\u2060';
export const NO_BREAK_SPACE = '\u00a0';
export const NARROW_NO_BREAK_SPACE = '\u202f';

/** Characters that print nothing (a soft hyphen shows only where a line breaks at it). */
export const INVISIBLE = /[\u00ad\u200b\u200e\u2060\ufeff]/g;
/** Characters a brief's text may not hold: control characters (as the schema's `$defs/printable` says). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: it finds control characters
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Right-to-left letters: the PDF sets them right to left, so a reader finds such a text word by word (see `wordsOf`). */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

const latinWords = [
  'peer',
  'support',
  'workers',
  'mental',
  'health',
  'NHS',
  'review',
  'of',
  'and',
  '2020',
  '12%',
  '£40',
  'COVID-19',
  'well-being',
  'e.g.',
  '(n=120)',
  'one/two',
  '“quoted”',
  '–',
  '…',
];
/** Written composed here; `typedWord` decomposes some. Ł has no decomposition, Việt two marks. */
const accentedWords = ['café', 'naïve', 'résumé', 'Zürich', 'São', 'Tomé', 'Ångström', 'Dvořák', 'Łódź', 'Việt', 'Bogotá', 'Évaluation'];
const welshWords = ['ŵyr', 'ŷd', 'Gwasanaeth', 'Iechyd', 'gŵyl', 'dŷ'];
const greekWords = ['υγεία', 'ψυχική', 'Αθήνα', 'ομότιμη', 'υποστήριξη', 'Ωμέγα'];
const longWords = ['Krankenhausverwaltung', 'Gesundheitswesen', 'Pflegewissenschaftlerinnen', 'Gwasanaethau', 'Selbsthilfegruppen'];
const hebrewWords = ['שלום', 'עמיתים', 'בריאות'];

/** A word with a soft hyphen between some of its letters (never first or last). */
const softHyphenated: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...longWords, ...accentedWords, ...welshWords, ...greekWords), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }))
  .map(([word, cuts]) => {
    const letters = [...word];
    const at = new Set(cuts.map((c) => 1 + (c % Math.max(1, letters.length - 1))));
    return letters.map((l, i) => (at.has(i) && i < letters.length ? SOFT_HYPHEN + l : l)).join('');
  });

/** Two words joined by a zero-width space (may break there) or a word joiner (may not). */
const joined: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...latinWords, ...accentedWords), fc.constantFrom(ZERO_WIDTH_SPACE, WORD_JOINER), fc.constantFrom(...latinWords, ...welshWords))
  .map(([a, joiner, b]) => a + joiner + b);

/** A word that prints: Latin, accented, Welsh, Greek, Hebrew, soft-hyphenated, joined. */
export const printableWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...latinWords) },
  { weight: 3, arbitrary: fc.constantFrom(...accentedWords) },
  { weight: 2, arbitrary: fc.constantFrom(...welshWords) },
  { weight: 2, arbitrary: fc.constantFrom(...greekWords) },
  { weight: 1, arbitrary: fc.constantFrom(...hebrewWords) },
  { weight: 3, arbitrary: softHyphenated },
  { weight: 2, arbitrary: joined },
);

/** A word as typed: composed, or decomposed as a Mac pastes it. */
export const typedWord: fc.Arbitrary<string> = fc.tuple(printableWord, fc.boolean()).map(([w, nfd]) => (nfd ? w.normalize('NFD') : w));

/** What goes between two words: mostly a space; sometimes a no-break space or a narrow one. */
export const wordGap: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constant(NO_BREAK_SPACE) },
  { weight: 1, arbitrary: fc.constant(NARROW_NO_BREAK_SPACE) },
);

/** Words and gaps, `min` to `max` words. */
const joinWords = (word: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(word, wordGap), { minLength: min, maxLength: max })
    .map((pairs) => pairs.map(([w, gap], i) => (i === pairs.length - 1 ? w : w + gap)).join(''));

/** Text that both documents must print whole: no control characters. */
export const printableText = (min = 1, max = 12): fc.Arbitrary<string> => joinWords(typedWord, min, max);

/** A control character a brief may not hold: C0 (not tab, line feed, carriage return), DEL or C1. */
export const controlCharacter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u0000', '\b', '\u000b', '\f', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f'),
  fc
    .integer({ min: 0, max: 0x9f })
    .filter((c) => CONTROL.test(String.fromCharCode(c)))
    .map((c) => String.fromCharCode(c)),
);

/** A word that must be refused: a control character inside or beside a word. */
export const refusedWord: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...latinWords), controlCharacter, fc.constantFrom('', ...latinWords))
  .map(([a, c, b]) => a + c + b);

/** Text that is now and then refused (about one in five): see `refusedIn`. */
export const anyText = (min = 1, max = 12): fc.Arbitrary<string> =>
  joinWords(fc.oneof({ weight: 40, arbitrary: typedWord }, { weight: 1, arbitrary: refusedWord }), min, max);

/** The characters of a text that validation must refuse, in order of first appearance. */
export function refusedIn(text: string): string[] {
  return [...new Set([...text].filter((c) => CONTROL.test(c)))];
}

/** A text as a reader finds it in either document: composed (NFC), invisible characters gone. */
export function asRead(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
}

/** A code point as messages write it: U+0008. */
export function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The words of a text as a reader finds them, for a text with right-to-left words: PDF readers
 * put a right-to-left run back in typed order as they read, each its own way (pdf.js reverses
 * a line that is mostly right to left, brackets and all), so such a text is found word by word,
 * its words without the punctuation at their ends. Two words joined by a zero-width space or a
 * word joiner count as two: a number after a right-to-left word belongs to its run, so "שלום
 * £40\u200bpeer" is set "£40 שלום peer". The parts of a word on either side of a soft hyphen
 * count as two as well: the word may be broken there over two lines, which a reader may reorder.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\u200b\u2060\u00ad]+/)
    .map((w) => asRead(w))
    .map((w) => w.replace(/^[()[\]{}.,;:!?"“”‘’…–—]+|[()[\]{}.,;:!?"“”‘’…–—]+$/g, ''))
    .filter((w) => w.length > 0);
}
