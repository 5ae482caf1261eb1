import type { Content } from 'pdfmake/interfaces.js';
import type { Inline } from '../../document/types.js';

type InlineStyle = { bold?: boolean; italics?: boolean; sup?: boolean; link?: string; style?: string };

/** Inline content as pdfmake text pieces, each carrying the formatting of everything around it. */
export function pdfInlines(content: readonly Inline[], inherited: InlineStyle = {}): Content[] {
  return content.flatMap((inline): Content[] => {
    switch (inline.kind) {
      case 'text':
        return [{ text: inline.text, ...inherited }];
      case 'strong':
        return pdfInlines(inline.content, { ...inherited, bold: true });
      case 'emphasis':
        return pdfInlines(inline.content, { ...inherited, italics: true });
      case 'superscript':
        return pdfInlines(inline.content, { ...inherited, sup: true });
      case 'link':
        return pdfInlines(inline.content, { ...inherited, link: inline.href, style: 'link' });
    }
  });
}
