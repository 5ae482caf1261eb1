import type { Content, Style } from 'pdfmake/interfaces.js';
import { plainText, type Inline } from '../../document/types.js';
import type { TagNode, TagTree } from './pdfTags.js';

/**
 * Inline content as pdfmake text pieces, each carrying every property of its text: those of
 * its paragraph (`style`) and the formatting of everything around it. Each is also tagged with
 * the structure element it belongs to (a link is a Link element inside its paragraph).
 */
export function pdfInlines(content: readonly Inline[], element: TagNode, tree: TagTree, style: Style & { link?: string }, link: Style): Content[] {
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind of inline, and tsc checks each returns
  return content.flatMap((inline): Content[] => {
    switch (inline.kind) {
      case 'text':
        return [{ text: inline.text, ...style, _tag: tree.tag(element) } as Content];
      case 'strong':
        return pdfInlines(inline.content, element, tree, { ...style, bold: true }, link);
      case 'emphasis':
        return pdfInlines(inline.content, element, tree, { ...style, italics: true }, link);
      case 'superscript':
        return pdfInlines(inline.content, element, tree, { ...style, sup: true }, link);
      case 'link':
        return pdfInlines(inline.content, tree.add(element, 'Link', { text: plainText(inline.content) }), tree, { ...style, link: inline.href, ...link }, link);
    }
  });
}
