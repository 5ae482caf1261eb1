/**
 * Characters a brief's text may not hold, as the schema says (`$defs/printable` in
 * schema/brief.schema.json, whose patterns are these, character for character: a test checks),
 * and how a message names them.
 *
 * - Control characters: C0 other than tab, line feed and carriage return; DEL; C1. They have
 *   no glyph (the PDF prints a box) and Word drops them (gluing the words on either side), and
 *   a NUL in the author would reach the documents' metadata. They come from text copied out
 *   of PDFs and old systems; the writer cannot know what was meant, so they are refused.
 *
 * Right-to-left text (Hebrew, Arabic) is not refused: the PDF writer orders it (bidiLines.ts).
 */
export const CONTROL_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';

// biome-ignore lint/suspicious/noControlCharactersInRegex: it finds control characters, to name them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

const C0_NAMES = [
  'null',
  'start of heading',
  'start of text',
  'end of text',
  'end of transmission',
  'enquiry',
  'acknowledge',
  'bell',
  'backspace',
  'tab',
  'line feed',
  'vertical tab',
  'form feed',
  'carriage return',
  'shift out',
  'shift in',
  'data link escape',
  'device control one',
  'device control two',
  'device control three',
  'device control four',
  'negative acknowledge',
  'synchronous idle',
  'end of transmission block',
  'cancel',
  'end of medium',
  'substitute',
  'escape',
  'file separator',
  'group separator',
  'record separator',
  'unit separator',
];

/** "U+0008 (backspace)": a character by code point and, for controls, by name; others as themselves. */
export function describeCharacter(c: string): string {
  const code = c.codePointAt(0) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return `${hex} (${C0_NAMES[code]})`;
  if (code === 0x7f) return `${hex} (delete)`;
  if (code >= 0x80 && code <= 0x9f) return `${hex} (a C1 control character)`;
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
