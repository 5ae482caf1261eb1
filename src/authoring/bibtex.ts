import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { undoLatexEscapes } from './latex.js';
import { type ImportRecord, type Opened, type ReferenceItem, readEach } from './references.js';

/**
 * BibTeX (and BibLaTeX), read entry by entry with citation-js: the file is split where a line
 * begins with "@" (so each entry knows its line and one broken entry does not stop the
 * others); @string definitions are given to every entry. url and doi are verbatim fields, so
 * citation-js leaves LaTeX escapes in them (and percent-encodes a url's): they are read as
 * verbatim and their escapes undone here (latex.ts).
 */

const bibtexConfig = plugins.config.get('@bibtex') as { constants: { fieldTypes: Record<string, [string, string]> } };
// Verbatim, not citation-js's "uri" (which percent-encodes what it does not understand, "{\_}" as "%7B%5C_%7D").
bibtexConfig.constants.fieldTypes.url = ['field', 'verbatim'];

interface Chunk {
  line: number;
  text: string;
  kind: string;
}

/** The entries of a BibTeX file, or why it is not BibTeX (no "@type{" entry in it). */
export function openBibtex(text: string): Opened {
  const chunks: Chunk[] = [];
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const kind = /^\s*@\s*([A-Za-z]+)\s*[{(]/.exec(raw)?.[1]?.toLowerCase();
    if (kind) chunks.push({ line: i + 1, text: '', kind });
    const chunk = chunks.at(-1);
    if (chunk) chunk.text += `${raw}\n`;
  });
  const strings = chunks.filter((c) => c.kind === 'string').map((c) => c.text);
  const entries = chunks.filter((c) => c.kind !== 'string' && c.kind !== 'comment' && c.kind !== 'preamble');
  if (entries.length === 0) return 'no entry in it begins with "@" and a type, such as "@article{"';
  return {
    count: entries.length,
    notes: [],
    read: async (onProgress) => readEach(entries, (c) => readEntry(c, strings), onProgress),
  };
}

function readEntry(chunk: Chunk, strings: string[]): ImportRecord {
  const record: ImportRecord = { line: chunk.line, notes: [] };
  let items: ReferenceItem[];
  try {
    items = plugins.input.chain([...strings, chunk.text].join(''), { forceType: '@biblatex/text', generateGraph: false }) as ReferenceItem[];
  } catch (error) {
    // citation-js's message quotes the text; the place is enough (and the file may not be text anyone should see).
    const at = /at line (\d+) col (\d+)/.exec((error as Error).message);
    const stringLines = strings.join('').split('\n').length - 1;
    const line = at ? chunk.line + Number(at[1]) - 1 - stringLines : undefined;
    return { ...record, problem: `could not be read as BibTeX${line && line >= chunk.line ? ` (line ${line}, column ${at?.[2]})` : ''}` };
  }
  const [item] = items;
  if (!item) return { ...record, problem: 'could not be read as BibTeX' };
  for (const field of ['URL', 'DOI'] as const) {
    const value = item[field];
    if (value !== undefined) item[field] = Array.isArray(value) ? value.map(undoLatexEscapes) : undoLatexEscapes(value);
  }
  record.item = item;
  return record;
}
