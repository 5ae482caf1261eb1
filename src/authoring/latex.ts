/**
 * LaTeX escapes in BibTeX's verbatim fields (url, doi). Mendeley and others escape LaTeX's
 * special characters everywhere, "{\_}", "\_", "{\%}", "\&", though in a url or doi field
 * BibTeX takes the text as it is: so "https://x.org/a{\_}b" is a dead link unless undone.
 * citation-js undoes them in ordinary fields (titles, abstracts); this does it in the verbatim ones.
 */

/** `text` with each escaped special character ("\_", "{\_}", likewise # $ % & { } ~ ^) as the character itself. */
export function undoLatexEscapes(text: string): string {
  return text.replace(/\{\\([_#$%&{}~^])\}|\\([_#$%&{}~^])/g, (_all, braced?: string, bare?: string) => (braced ?? bare) as string);
}
