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
  const parsed = new Map<string, Element[]>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      const dom = parseDocument(await zip.file(name)!.async('string'), { xmlMode: true });
      parsed.set(name, dom.children.filter((c): c is Element => c.type === 'tag'));
    }
  }
  const part = (name: string) => parsed.get(name) ?? [];
  return {
    part,
    text: (name) => zip.file(name)!.async('string'),
    parts: Object.keys(zip.files),
    document: part('word/document.xml'),
    styles: part('word/styles.xml'),
    core: await zip.file('docProps/core.xml')!.async('string'),
    rels: await zip.file('word/_rels/document.xml.rels')!.async('string'),
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
 * The page-reference fields of a paragraph: each PAGEREF instruction's bookmark and the result
 * Word shows until it updates the field: a simple field's text, or a complex field's text
 * between `separate` and `end`.
 */
export function pageReferences(p: Element): { bookmark: string; result: string; dirty: boolean }[] {
  const refs: { bookmark: string; result: string; dirty: boolean }[] = [];
  let current: { bookmark: string; result: string; dirty: boolean } | undefined;
  let inResult = false;
  let dirty = false;
  for (const field of all(p, 'w:fldSimple')) {
    const match = /PAGEREF\s+(\S+)/.exec(attr(field, 'w:instr') ?? '');
    if (match) refs.push({ bookmark: match[1] as string, result: paragraphText(field), dirty: attr(field, 'w:dirty') === 'true' });
  }
  // Field characters, instructions and text, in document order (one run may hold a whole field).
  for (const node of findAll((e) => ['w:fldChar', 'w:instrText', 'w:t'].includes(e.name), [p])) {
    if (node.name === 'w:fldChar') {
      const type = attr(node, 'w:fldCharType');
      if (type === 'begin') {
        dirty = attr(node, 'w:dirty') === 'true';
        current = undefined;
        inResult = false;
      } else if (type === 'separate') {
        inResult = true;
      } else if (type === 'end') {
        if (current) refs.push(current);
        current = undefined;
        inResult = false;
      }
    } else if (node.name === 'w:instrText') {
      const match = /PAGEREF\s+(\S+)/.exec(textContent(node));
      if (match) current = { bookmark: match[1] as string, result: '', dirty };
    } else if (inResult && current) {
      current.result += textContent(node);
    }
  }
  return refs;
}
