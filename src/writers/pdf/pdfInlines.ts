import type { Content } from 'pdfmake/interfaces.js';
import { plainText, type Inline } from '../../document/types.js';
import type { TagNode, TagTree } from './pdfTags.js';

type InlineStyle = { bold?: boolean; italics?: boolean; sup?: boolean; link?: string; style?: string };

/**
 * Inline content as pdfmake text pieces, each carrying the formatting of everything around it
 * and the structure element it belongs to (a link is a Link element inside its paragraph).
 */
export function pdfInlines(content: readonly Inline[], element: TagNode, tree: TagTree, inherited: InlineStyle = {}): Content[] {
  return content.flatMap((inline): Content[] => {
    switch (inline.kind) {
      case 'text':
        return [{ text: inline.text, ...inherited, _tag: tree.tag(element) } as Content];
      case 'strong':
        return pdfInlines(inline.content, element, tree, { ...inherited, bold: true });
      case 'emphasis':
        return pdfInlines(inline.content, element, tree, { ...inherited, italics: true });
      case 'superscript':
        return pdfInlines(inline.content, element, tree, { ...inherited, sup: true });
      case 'link':
        return pdfInlines(inline.content, tree.add(element, 'Link', { text: plainText(inline.content) }), tree, { ...inherited, link: inline.href, style: 'link' });
    }
  });
}
