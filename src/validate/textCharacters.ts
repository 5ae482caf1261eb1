/**
 * Characters a brief's text may not hold, as the schema says (`$defs/printable` in
 * schema/brief.schema.json, whose patterns are these, character for character: a test checks),
 * and how a message names them.
 *
 * - Control characters: C0 other than tab, line feed and carriage return; DEL; C1. They have
 *   no glyph (the PDF prints a box) and Word drops them (gluing the words on either side), and
 *   a NUL in the author would reach the documents' metadata. They come from text copied out
 *   of PDFs and old systems; the writer cannot know what was meant, so they are refused.
 * - Right-to-left text (Hebrew, Arabic and the other right-to-left scripts of the BMP, and the
 *   marks and embeddings that make text right-to-left): pdfmake sets every line left to right,
 *   word by word, so a right-to-left phrase would print with its words in reverse order and
 *   brackets on the wrong side. Refused, with its place, until the PDF writer orders such runs.
 */
export const CONTROL_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';
export const RIGHT_TO_LEFT_PATTERN = '^[^\\u0590-\\u08FF\\u200F\\u202B\\u202E\\u2067\\uFB1D-\\uFDFF\\uFE70-\\uFEFC]*$';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\u202B\u202E\u2067\uFB1D-\uFDFF\uFE70-\uFEFC]/gu;

const C0_NAMES = [
  'null', 'start of heading', 'start of text', 'end of text', 'end of transmission', 'enquiry', 'acknowledge', 'bell',
  'backspace', 'tab', 'line feed', 'vertical tab', 'form feed', 'carriage return', 'shift out', 'shift in',
  'data link escape', 'device control one', 'device control two', 'device control three', 'device control four', 'negative acknowledge', 'synchronous idle', 'end of transmission block',
  'cancel', 'end of medium', 'substitute', 'escape', 'file separator', 'group separator', 'record separator', 'unit separator',
];

/** "U+0008 (backspace)": a character by code point and, for controls, by name; others as themselves. */
export function describeCharacter(c: string): string {
  const code = c.codePointAt(0) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return `${hex} (${C0_NAMES[code]})`;
  if (code === 0x7f) return `${hex} (delete)`;
  if (code >= 0x80 && code <= 0x9f) return `${hex} (a C1 control character)`;
  if (code === 0x200f) return `${hex} (right-to-left mark)`;
  if (code === 0x202b || code === 0x202e || code === 0x2067) return `${hex} (a right-to-left embedding, override or isolate)`;
  return `${hex} ${c}`;
}

function distinct(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])];
}

const list = (items: string[]) => (items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The message for a text holding control characters, or undefined if it holds none. */
export function controlCharacterMessage(name: string, text: string): string | undefined {
  const found = distinct(text, CONTROL);
  if (found.length === 0) return undefined;
  const several = found.length > 1;
  return (
    `${name} has ${list(found.map(describeCharacter))}, ${several ? 'control characters' : 'a control character'}: ` +
    `${several ? 'they' : 'it'} would print as ${several ? 'boxes' : 'a box'} in the PDF and vanish from the Word document, gluing the words beside ${several ? 'them' : 'it'}. ` +
    `Delete ${several ? 'them' : 'it'} (such characters come with text copied from PDFs and old systems)`
  );
}

/** The script a right-to-left character belongs to, as a person would name it. */
function scriptOf(code: number): string {
  if ((code >= 0x0590 && code <= 0x05ff) || (code >= 0xfb1d && code <= 0xfb4f)) return 'Hebrew';
  if (code >= 0x0700 && code <= 0x074f) return 'Syriac';
  if (code >= 0x0780 && code <= 0x07bf) return 'Thaana';
  if (code >= 0x07c0 && code <= 0x07ff) return "N'Ko";
  if (code >= 0x0800 && code <= 0x083f) return 'Samaritan';
  if (code >= 0x0840 && code <= 0x085f) return 'Mandaic';
  if (code >= 0x0600 && code <= 0x08ff) return 'Arabic';
  if (code >= 0xfb50) return 'Arabic';
  return 'right-to-left formatting';
}

/** The message for a text holding right-to-left characters, or undefined if it holds none. */
export function rightToLeftMessage(name: string, text: string): string | undefined {
  const found = distinct(text, RIGHT_TO_LEFT);
  if (found.length === 0) return undefined;
  const scripts = [...new Set(found.map((c) => scriptOf(c.codePointAt(0) as number)))];
  return (
    `${name} has right-to-left text (${list(scripts)}, first ${describeCharacter(found[0] as string)}): brief cannot yet print right-to-left text in the PDF ` +
    `(each line is set left to right, so the words of a right-to-left phrase would come out in reverse order, brackets on the wrong side). ` +
    `Write it in a left-to-right script (a transliteration or translation), or leave it out`
  );
}
