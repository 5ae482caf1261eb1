import { readFileSync } from 'node:fs';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { HtmlValidate } from 'html-validate';

/** An HTML page read back as a parser sees it (htmlparser2: entities decoded once), not a browser. */
export interface HtmlReadBack {
  /** Every element, in document order. */
  elements: Element[];
  /** Elements by tag name, in document order. */
  all(name: string): Element[];
  /** The element with this id, if any. */
  byId(id: string): Element | undefined;
}

export function readHtml(path: string): HtmlReadBack {
  return parseHtml(readFileSync(path, 'utf8'));
}

export function parseHtml(source: string): HtmlReadBack {
  const document = parseDocument(source);
  const elements = findAll(() => true, document.children);
  return {
    elements,
    all: (name) => elements.filter((e) => e.name === name),
    byId: (id) => elements.find((e) => e.attribs.id === id),
  };
}

export const attr = (element: Element | undefined, name: string): string | undefined => (element ? getAttributeValue(element, name) : undefined);
export const text = (element: Element | Element[]): string => textContent(element);
export const within = (element: Element, name: string): Element[] => findAll((e) => e.name === name, element.children);

/** The headings h1-h6, in document order, with their rank. */
export function headings(page: HtmlReadBack): { rank: number; element: Element }[] {
  return page.elements.filter((e) => /^h[1-6]$/.test(e.name)).map((element) => ({ rank: Number(element.name.slice(1)), element }));
}

/**
 * html-validate's errors for a page, one line each ("rule: message"). The rules are
 * html-validate:recommended, with one rule off: long-title (at most 70 characters) is advice
 * for search results, and a brief's <title> is its series and topic, which may be longer.
 */
export async function htmlValidateErrors(source: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const report = await validator.validateString(source);
  return report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
}
