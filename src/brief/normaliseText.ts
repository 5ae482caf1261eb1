/**
 * Every string of a brief in Unicode's composed form (NFC). Text typed on a Mac, or pasted from
 * some PDFs, arrives decomposed: "ü" as "u" and a combining diaeresis. Printed as typed, the PDF's
 * text layer splits such words ("Zü rich") and Word may draw the accent apart from its letter.
 * The build normalises once, here, right after validation: layout, both writers and the
 * documents' metadata all see the same composed text. Keys and structure are unchanged, so JSON
 * pointers into the file still locate every value.
 */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => normaliseText(item)) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = normaliseText(item);
    return copy as T;
  }
  return value;
}
