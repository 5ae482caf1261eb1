import { FORMATS, type Format } from '../output/outputPaths.js';

export { FORMATS, type Format };

/**
 * The formats named in `--format pdf,docx,html` (any order, any case, spaces allowed), in
 * FORMATS' order, each once; or the message that refuses the text (an unknown or missing name).
 */
export function parseFormats(text: string): { ok: true; formats: Format[] } | { ok: false; message: string } {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0) return { ok: false, message: `unknown format ${unknown.map((n) => `"${n}"`).join(', ')}: the formats are ${FORMATS.join(', ')}` };
  if (names.length === 0) return { ok: false, message: `no format named: give one or more of ${FORMATS.join(', ')}, separated by commas` };
  return { ok: true, formats: orderFormats(names as Format[]) };
}

/** Formats in FORMATS' order, each once. */
export function orderFormats(formats: readonly Format[]): Format[] {
  return FORMATS.filter((format) => formats.includes(format));
}

/** Whether two lists name the same formats. */
export function sameFormats(a: readonly Format[], b: readonly Format[]): boolean {
  return orderFormats(a).join() === orderFormats(b).join();
}
