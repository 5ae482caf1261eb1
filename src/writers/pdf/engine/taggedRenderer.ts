import { pdfmakeModule } from './pdfmakeModules.js';
import { reportPageStarts } from './pageStarts.js';
import { notePage, type StructureElementLike } from './annotationPages.js';
import { ContentsLeaders } from './contentsLeaders.js';
import type { InlineTag, PieceTag, TagNode } from '../pdfTags.js';
import { joinWordsDrawnAlike, type LaidOutWord } from './textRuns.js';

/**
 * pdfmake writes no structure tree. This replaces its Renderer (which pdfmake looks up each
 * time it renders) with a subclass that wraps everything it draws in marked content: text
 * with an InlineTag in the structure element the tag names, everything else (rules, fills,
 * leaders, header and footer) as an artifact. Link annotations made while a Link's text is
 * drawn are tied to that Link. A line holding text of several elements (a link inside a
 * paragraph) is drawn as several lines, one per element, at the same positions; within each,
 * adjacent words drawn alike are drawn as one piece of text (textRuns.ts).
 *
 * This relies on pdfmake internals (Renderer's renderLine, renderVector, renderImage and the
 * Line object): pdfmake's version is pinned, and tests/pdf-internals.test.ts checks them.
 */
interface PdfKitDocument {
  options?: { tagged?: boolean };
  struct(type: string, options?: object): StructElement;
  addStructure(element: StructElement): void;
  markStructureContent(tag: string): object;
  markContent(tag: string, options?: object): void;
  endMarkedContent(): void;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  page: { width: number; dictionary: { data: object } };
  outline: Bookmark;
}

/** pdfkit's PDFOutline: a bookmark, and where its children are added. */
interface Bookmark {
  addItem(title: string, options: { expanded?: boolean; top?: number; left?: number }): Bookmark;
}

/** What pdfmake's layout puts on the line of a heading that has a bookmark. */
interface LineBookmark {
  id?: string;
  parentId?: string;
  text: string;
  expanded?: boolean;
}

interface StructElement {
  add(child: object): void;
}

interface LaidOutInline extends LaidOutWord {
  _tag?: PieceTag;
  linkToDestination?: string;
  _leader?: { id: string; colour: string };
}

interface LaidOutLine {
  inlines: LaidOutInline[];
  getHeight(): number;
  getAscenderHeight(): number;
  id?: string;
  _outline?: LineBookmark;
  _pageNodeRef?: unknown;
}

type RendererClass = new (
  pdfDocument: PdfKitDocument,
  progressCallback?: unknown,
) => {
  pdfDocument: PdfKitDocument;
  outlineMap: Record<string, Bookmark>;
  renderPages(pages: Parameters<typeof reportPageStarts>[0]): void;
  renderLine(line: LaidOutLine, x: number, y: number): void;
  renderVector(vector: unknown): void;
  renderImage(image: { _tag?: PieceTag }): void;
  beginVerticalAlignment(item: VerticalAlignment): void;
  endVerticalAlignment(item: VerticalAlignment): void;
};

/** pdfmake's mark where a table cell's content is aligned to the middle or foot of its row: the Renderer moves the canvas down by the room left. */
interface VerticalAlignment {
  verticalAlignment: string;
  isCellContentMultiPage?: boolean;
  getNodeHeight(): number;
  getViewHeight(): number;
}

/** pdfmake's Renderer module, whose `default` export pdfmake's Printer reads when it renders. */
export function pdfmakeRendererModule(): { default: RendererClass } {
  return pdfmakeModule<RendererClass>('Renderer');
}

function sameElement(a: PieceTag | undefined, b: PieceTag | undefined): boolean {
  if (!a || !b) return a === b;
  return 'artifact' in a || 'artifact' in b ? a === b : a.node === b.node;
}

let installed = false;

export function installTaggingRenderer(): void {
  if (installed) return;
  const module = pdfmakeRendererModule();
  const Base = module.default;
  if (typeof Base?.prototype?.renderLine !== 'function') throw new Error('pdfmake has changed: its Renderer has no renderLine (see taggedRenderer.ts)');

  class TaggingRenderer extends Base {
    private readonly elements = new Map<TagNode, StructElement>();
    private tree: InlineTag['tree'] | undefined;
    private currentLink: { element: StructElement; node: TagNode } | undefined;
    private readonly leaders = new ContentsLeaders();
    /** How far pdfmake has moved the canvas down to align a table cell's content (a contents line's number to the row's foot). */
    private shifts: number[] = [];

    constructor(pdfDocument: PdfKitDocument, progressCallback?: unknown) {
      super(pdfDocument, progressCallback);
      const annotate = pdfDocument.annotate.bind(pdfDocument);
      pdfDocument.annotate = (x, y, w, h, options) => {
        const element = options.Subtype === 'Link' && !options.structParent ? this.currentLink?.element : undefined;
        if (element && this.currentLink) {
          options.structParent = element;
          if (this.currentLink.node.text) options.Contents = new String(this.currentLink.node.text);
        }
        const made = annotate(x, y, w, h, options);
        // The annotation's object reference must name this page (pdfkit would name the last).
        if (element) notePage(element as unknown as StructureElementLike, pdfDocument.page.dictionary);
        return made;
      };
    }

    /** The laid-out pages, before any is drawn: where each begins is told first (pageStarts.ts). */
    override renderPages(pages: Parameters<typeof reportPageStarts>[0]): void {
      reportPageStarts(pages);
      super.renderPages(pages);
    }

    override renderLine(line: LaidOutLine, x: number, y: number): void {
      if (line._outline) line = this.bookmarked(line, y);
      line = this.withoutSpaceAtEnd(line);
      const shift = this.shifts.at(-1) ?? 0;
      const baseline = y + line.getAscenderHeight() + shift;
      this.leaders.noteLine(line.inlines, x, baseline);
      this.drawLine(line, x, y);
      const first = line.inlines[0];
      // A page number's digits are known, and placed, only as it is drawn: its leader comes after.
      if (line._pageNodeRef && first)
        this.marked(undefined, () =>
          this.leaders.drawBefore(first, x, baseline, shift, this.pdfDocument as unknown as Parameters<ContentsLeaders['drawBefore']>[4]),
        );
    }

    override beginVerticalAlignment(item: VerticalAlignment): void {
      const room = item.isCellContentMultiPage ? 0 : item.getViewHeight() - item.getNodeHeight();
      this.shifts.push(item.verticalAlignment === 'bottom' ? room : item.verticalAlignment === 'middle' ? room / 2 : 0);
      super.beginVerticalAlignment(item);
    }

    override endVerticalAlignment(item: VerticalAlignment): void {
      this.shifts.pop();
      super.endVerticalAlignment(item);
    }

    private drawLine(line: LaidOutLine, x: number, y: number): void {
      if (!this.pdfDocument.options?.tagged) {
        super.renderLine(this.withInlines(line, joinWordsDrawnAlike(line.inlines), true), x, y); // an untagged document (the benchmark's comparison)
        return;
      }
      const runs: { tag: PieceTag | undefined; inlines: LaidOutInline[] }[] = [];
      for (const inline of line.inlines) {
        const tag = inline._tag ?? this.contentsLinkTag(inline);
        const last = runs.at(-1);
        if (last && sameElement(last.tag, tag)) last.inlines.push(inline);
        else runs.push({ tag, inlines: [inline] });
      }
      runs.forEach((run, i) => {
        const part = this.withInlines(line, joinWordsDrawnAlike(run.inlines), i === 0);
        this.marked(run.tag, () => super.renderLine(part, x, y));
      });
    }

    /**
     * Adds the line's bookmark, pointing at the line: pdfmake adds it with no position, and pdfkit
     * then points it at the page's top right corner. pdfkit 0.19.1 writes a bookmark's /XYZ as
     * (page width - left, page height - top): `left` is the page width so that the view's left
     * edge is the page's, and `top` the line's top. Returns the line without its bookmark, for
     * pdfmake to draw (tests/pdf-links.test.ts reads each destination back).
     */
    private bookmarked(line: LaidOutLine, y: number): LaidOutLine {
      const bookmark = line._outline as LineBookmark;
      const parent = (bookmark.parentId && this.outlineMap[bookmark.parentId]) || this.pdfDocument.outline;
      const item = parent.addItem(bookmark.text, { expanded: bookmark.expanded ?? false, top: y, left: this.pdfDocument.page.width });
      if (bookmark.id) this.outlineMap[bookmark.id] = item;
      return Object.assign(Object.create(line) as LaidOutLine, { _outline: undefined });
    }

    /**
     * The line with its last word's trailing space taken off its width (pdfmake keeps it in, so a
     * link wrapped at a space was underlined, and clickable, past its last letter).
     */
    private withoutSpaceAtEnd(line: LaidOutLine): LaidOutLine {
      const last = line.inlines.at(-1);
      if (!last?.trailingCut || !last.decoration) return line;
      const trimmed = Object.assign(Object.create(Object.getPrototypeOf(last) as object) as LaidOutInline, last, {
        width: last.width - last.trailingCut,
        trailingCut: 0,
      });
      return this.withInlines(line, [...line.inlines.slice(0, -1), trimmed], true);
    }

    /** The line with only these words (at their own positions); the line's own marks (its id, bookmark, page reference) go with its first part. */
    private withInlines(line: LaidOutLine, inlines: LaidOutInline[], first: boolean): LaidOutLine {
      return Object.assign(Object.create(line) as LaidOutLine, {
        inlines,
        getHeight: () => line.getHeight(),
        getAscenderHeight: () => line.getAscenderHeight(),
        ...(first ? {} : { id: undefined, _outline: undefined, _pageNodeRef: undefined }),
      });
    }

    override renderVector(vector: unknown): void {
      this.marked(undefined, () => super.renderVector(vector));
    }

    override renderImage(image: { _tag?: PieceTag }): void {
      this.marked(image._tag, () => super.renderImage(image));
    }

    /** A page number on the contents page: pdfmake makes its text, untagged; it belongs to its line's link. */
    private contentsLinkTag(inline: LaidOutInline): PieceTag | undefined {
      const node = inline.linkToDestination ? this.tree?.contentsLinks.get(inline.linkToDestination) : undefined;
      return node && this.tree ? this.tree.tag(node) : undefined;
    }

    private marked(tag: PieceTag | undefined, draw: () => void): void {
      const doc = this.pdfDocument;
      if (!doc.options?.tagged) {
        draw();
        return;
      }
      if (!tag || 'artifact' in tag) {
        doc.markContent('Artifact', tag ? { type: tag.artifact } : { type: 'Layout' });
        draw();
        doc.endMarkedContent();
        return;
      }
      this.tree = tag.tree;
      const element = this.element(tag.node);
      const previousLink = this.currentLink;
      if (tag.node.type === 'Link') this.currentLink = { element, node: tag.node };
      element.add(doc.markStructureContent(tag.node.type));
      draw();
      doc.endMarkedContent();
      this.currentLink = previousLink;
    }

    /** The PDF structure element for a node, made (with its ancestors) the first time it has content, so elements come in reading order. */
    private element(node: TagNode): StructElement {
      const made = this.elements.get(node);
      if (made) return made;
      let element: StructElement;
      if (!node.parent) {
        element = this.pdfDocument.struct(node.type);
        this.pdfDocument.addStructure(element);
      } else {
        element = this.pdfDocument.struct(node.type, node.alt ? { alt: node.alt } : {});
        this.element(node.parent).add(element);
      }
      this.elements.set(node, element);
      return element;
    }
  }

  module.default = TaggingRenderer as unknown as RendererClass;
  installed = true;
}
