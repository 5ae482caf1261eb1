import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';

export type XmlElement = Element;

/** A .docx opened as Word would: its parts, parsed as XML. */
export interface DocxReadBack {
  part(name: string): Element[];
  text(name: string): Promise<string>;
  parts: string[];
}

export async function readDocx(path: string): Promise<DocxReadBack & { document: Element[]; styles: Element[]; core: string; rels: string }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const read = (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${path} has no ${name}`);
    return file.async('string');
  };
  const parsed = new Map<string, Element[]>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      const dom = parseDocument(await read(name), { xmlMode: true });
      parsed.set(
        name,
        dom.children.filter((c): c is Element => c.type === 'tag'),
      );
    }
  }
  const part = (name: string) => parsed.get(name) ?? [];
  return {
    part,
    text: read,
    parts: Object.keys(zip.files),
    document: part('word/document.xml'),
    styles: part('word/styles.xml'),
    core: await read('docProps/core.xml'),
    rels: await read('word/_rels/document.xml.rels'),
  };
}

export const all = (root: Element[] | Element, name: string): Element[] => findAll((e) => e.name === name, Array.isArray(root) ? root : [root]);
export const attr = (element: Element | undefined, name: string): string | undefined => (element ? getAttributeValue(element, name) : undefined);
/** The visible text of a paragraph: its w:t runs (and tabs), without field instructions. */
export const paragraphText = (p: Element): string =>
  all(p, 'w:t')
    .map((t) => textContent(t))
    .join('');
/** A paragraph's style id. */
export const styleOf = (p: Element): string | undefined => attr(all(p, 'w:pStyle')[0], 'w:val');

/**
 * The page-reference fields of a paragraph (brief writes them as simple fields): each PAGEREF
 * instruction's bookmark, the result Word shows until it updates the field, and whether the
 * field is marked for updating (which makes Word ask).
 */
export function pageReferences(p: Element): { bookmark: string; result: string; dirty: boolean }[] {
  return all(p, 'w:fldSimple').flatMap((field) => {
    const match = /PAGEREF\s+(\S+)/.exec(attr(field, 'w:instr') ?? '');
    return match ? [{ bookmark: match[1] as string, result: paragraphText(field), dirty: attr(field, 'w:dirty') === 'true' }] : [];
  });
}
