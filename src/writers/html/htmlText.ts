import { escapeAttribute, escapeText } from 'entities';

/**
 * The one place the HTML writer escapes: the Document holds plain text, and each text or
 * attribute value passes through here exactly once on its way into the page (entities does
 * the escaping: &, <, > and the no-break space in text; &, " and the no-break space in a
 * double-quoted attribute value).
 */
export const text = (plain: string): string => escapeText(plain);

/** An attribute, ` name="value"`, with its value escaped once. */
export const attribute = (name: string, value: string | number): string => ` ${name}="${escapeAttribute(String(value))}"`;

/**
 * A CSS string literal (for the theme's font family in the page's style sheet): quotes,
 * backslashes, line ends and angle brackets as CSS escapes, so no value can end the string or
 * the `<style>` element.
 */
export function cssString(value: string): string {
  return `"${value.replace(/["\\<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
