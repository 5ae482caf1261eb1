import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { outlineLevels, type Document, type PageMap } from '../../document/types.js';
import { pageGeometry } from '../../theme/styleSheet.js';
import type { WriterTheme } from '../../theme/types.js';
import { imagePath, pdfBlocks } from './pdfBlocks.js';
import { fontName, pdfmakeFor } from './engine/pdfmakeInstance.js';
import { pdfStyles } from './pdfStyles.js';
import { singleSpacingFactor } from './singleSpacing.js';
import { PageStartLog } from './engine/pageStarts.js';
import { PAGINATION, TagTree } from './pdfTags.js';
import { installTaggingRenderer } from './engine/taggedRenderer.js';

export interface WrittenPdf {
  bytes: Buffer;
  /** Where each heading landed, and how many pages there are. */
  pages: PageMap;
}

/** The PDF writer: a Document in the theme's look, to PDF bytes. Same Document, same bytes. */
export interface PdfOptions {
  tagged?: boolean;
  /** Told where the headings landed and where pages begin as soon as layout knows, before the PDF is drawn (so the Word document can be made meanwhile). */
  onLaidOut?: (pages: PageMap) => void;
}

export async function writePdf(document: Document, theme: WriterTheme, creator: string, { tagged = true, onLaidOut }: PdfOptions = {}): Promise<WrittenPdf> {
  let pageCount = 0;
  const headings = new Map<string, number>();
  let text: Pick<PageMap, 'starts' | 'wordBreaks'> = { starts: [], wordBreaks: [] };
  // Told by the Renderer once the pages are laid out, before it draws them (pageStarts.ts).
  const pageStarts = new PageStartLog((laidOut) => {
    text = laidOut;
    onLaidOut?.({ headings, pageCount, ...text });
  });
  const pdfmake = pdfmakeFor(theme);
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(n: string, d: Buffer): void } }).virtualfs;
  // Images are named in the document; pdfmake reads them from its virtual file system.
  const images: Record<string, string> = {};
  for (const [name, data] of Object.entries(theme.images)) {
    const path = imagePath(theme, name);
    vfs.writeFileSync(path, data);
    images[path] = path;
  }
  const page = pageGeometry(theme);
  const { margins } = page;
  const { meta } = document;
  // Tagged: a structure tree for screen readers, PDF/UA-1 identification, the title shown by viewers.
  installTaggingRenderer();
  const tree = new TagTree();
  const styles = pdfStyles(theme);
  const running = (text: string): Content[] => [{ text, ...styles.running.text, _tag: PAGINATION } as Content];
  const rule = (width: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: theme.colours.rule }] });
  const definition: TDocumentDefinitions = {
    pageSize: { ...page.size }, // a copy: pdfmake writes the orientation onto it
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator,
      producer: creator,
      creationDate: meta.created,
      modDate: meta.created,
    },
    version: '1.7',
    tagged,
    subset: tagged ? 'PDF/UA' : undefined,
    language: meta.language,
    displayTitle: true,
    defaultStyle: {
      font: fontName(theme),
      fontSize: theme.font.sizes.body,
      color: theme.colours.text,
      lineHeight: theme.font.lineHeight * singleSpacingFactor(theme.fontData.normal),
    },
    header: (pageNumber) =>
      pageNumber === 1
        ? null
        : {
            margin: [margins.left, page.headerTop, margins.right, 0],
            stack: [{ text: running(meta.header), margin: [0, 0, 0, page.ruleGap] }, rule(page.contentWidth)],
          },
    footer: (pageNumber, pages) => {
      pageCount = pages;
      return pageNumber === 1
        ? null
        : {
            margin: [margins.left, page.footerBelowText, margins.right, 0],
            stack: [
              rule(page.contentWidth),
              {
                columns: [{ text: running(meta.footer) }, { text: running(`Page ${pageNumber} of ${pages}`), alignment: 'right', width: 'auto' }],
                margin: [0, page.ruleGap, 0, 0],
              },
            ],
          };
    },
    images,
    content: pdfBlocks(document.blocks, theme, {
      tree,
      parent: tree.root,
      levels: outlineLevels(document.blocks),
      styles,
      pageStarts,
      path: [],
      width: page.contentWidth,
    }),
    // pdfmake asks this of every node once laid out (before drawing); it is how the heading pages are learnt.
    pageBreakBefore: (node) => {
      if (node.headlineLevel && node.id) headings.set(node.id, node.startPosition.pageNumber);
      return false;
    },
  };
  const bytes = (await pdfmake.createPdf(definition).getBuffer()) as Buffer;
  return { bytes, pages: { headings, pageCount, ...text } };
}
