import type { Inline } from '../../document/types.js';
import { attribute, text } from './htmlText.js';

/** Inline content as HTML, kind by kind (mirrors pdfInlines and docxInlines); text escaped once. */
export function htmlInlines(content: readonly Inline[]): string {
  let out = '';
  for (const inline of content) out += htmlInline(inline);
  return out;
}

function htmlInline(inline: Inline): string {
  switch (inline.kind) {
    case 'text':
      return text(inline.text);
    case 'strong':
      return `<strong>${htmlInlines(inline.content)}</strong>`;
    case 'emphasis':
      return `<em>${htmlInlines(inline.content)}</em>`;
    case 'superscript':
      return `<sup>${htmlInlines(inline.content)}</sup>`;
    case 'link':
      return `<a${attribute('href', inline.href)}>${htmlInlines(inline.content)}</a>`;
  }
}
