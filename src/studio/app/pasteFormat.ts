/** The formats an export pasted into the studio can be in, and the file ending the importer knows each by. */
export const PASTE_FORMATS = [
  { name: 'RIS', ending: '.ris' },
  { name: 'BibTeX', ending: '.bib' },
  { name: 'MEDLINE', ending: '.nbib' },
  { name: 'CSL JSON', ending: '.json' },
] as const;

/**
 * The format pasted text looks like, from how each begins its first record (RIS "TY  -", BibTeX
 * "@article{", MEDLINE "PMID-", CSL JSON "[" or "{"): only the page's first choice, which the
 * editor can change; the importer then reads it as that format and says so if it is not.
 */
export function guessFormat(text: string): (typeof PASTE_FORMATS)[number]['name'] {
  const start = text.trimStart();
  if (/^@\w+\s*[{(]/.test(start)) return 'BibTeX';
  if (/^PMID-/m.test(start)) return 'MEDLINE';
  if (/^[[{]/.test(start)) return 'CSL JSON';
  return 'RIS';
}
