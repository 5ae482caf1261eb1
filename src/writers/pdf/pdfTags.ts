/**
 * The PDF's structure tree as the writer builds it: what each piece of text on a page is
 * (a heading, a paragraph, a link, a list label...), in reading order. Text pieces given to
 * pdfmake carry an InlineTag naming their element; the tagging renderer turns the tree into
 * the PDF's tagged structure as it draws. Anything drawn without a tag is an artifact.
 */
export interface TagNode {
  type: string;
  parent?: TagNode;
  /** Alternative text (a Figure). */
  alt?: string;
  /** A Link's text, written into its annotation as /Contents. */
  text?: string;
}

/** The marker on a text piece (or image node) that says which element it belongs to. */
export interface InlineTag {
  node: TagNode;
  tree: TagTree;
}

/** Page furniture: drawn, but not part of the document's content. */
export const PAGINATION = { artifact: 'Pagination' as const };
export type PieceTag = InlineTag | typeof PAGINATION;

export class TagTree {
  readonly root: TagNode = { type: 'Document' };
  /** Contents-page links by the heading id they go to: pdfmake draws a page number it cannot tag, and this finds its link. */
  readonly contentsLinks = new Map<string, TagNode>();

  add(parent: TagNode, type: string, extra: { alt?: string; text?: string } = {}): TagNode {
    return { type, parent, ...extra };
  }

  tag(node: TagNode): InlineTag {
    return { node, tree: this };
  }
}
