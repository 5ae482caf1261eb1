/**
 * A link annotation in a tagged PDF is tied to its Link element by an object reference
 * (OBJR) that names the page the annotation is on (/Pg). pdfkit 0.19.1 writes that page when
 * the structure element is flushed, which is at the end of the document, so every OBJR named
 * the last page (PDFStructureElement._flushChild reads `document.page`). Screen readers and
 * checkers (PDF/UA) then find the annotation on the wrong page.
 *
 * This remembers the page of each annotation as it is made (`notePage`) and writes that page
 * when the element is flushed. It assumes of pdfkit 0.19.1: an annotation made with a
 * `structParent` is added to that element's `_children` as a PDFAnnotationReference (an
 * object with `annotationRef`), last; and `_flushChild(child)` pushes each child's entry onto
 * `dictionary.data.K`. tests/pdf-internals.test.ts guards these; tests/pdf-links.test.ts reads
 * every OBJR's page back from the PDF.
 */
interface PageDictionary {
  data: object;
}

interface AnnotationReference {
  annotationRef: object;
  /** The page the annotation is on (added here). */
  page?: PageDictionary;
}

export interface StructureElementLike {
  _children: unknown[];
  dictionary: { data: { K: unknown[] } };
  _flushChild(child: unknown): void;
}

const patched = new WeakSet<object>();

/** Call right after pdfkit's annotate(..., { structParent: element }): the annotation just added to `element` is on `page`. */
export function notePage(element: StructureElementLike, page: PageDictionary): void {
  const prototype = Object.getPrototypeOf(element) as StructureElementLike;
  if (!patched.has(prototype)) patchFlush(prototype);
  const child = element._children.at(-1) as AnnotationReference | undefined;
  if (!child || !('annotationRef' in child))
    throw new Error('pdfkit has changed: an annotation is no longer the last child of its structure element (see annotationPages.ts)');
  child.page = page;
}

function patchFlush(prototype: StructureElementLike): void {
  const flushChild = prototype._flushChild;
  if (typeof flushChild !== 'function') throw new Error('pdfkit has changed: PDFStructureElement._flushChild is gone (see annotationPages.ts)');
  prototype._flushChild = function (this: StructureElementLike, child: unknown) {
    const reference = child as AnnotationReference | undefined;
    if (reference?.page && reference.annotationRef) {
      this.dictionary.data.K.push({ Type: 'OBJR', Obj: reference.annotationRef, Pg: reference.page });
      return;
    }
    flushChild.call(this, child);
  };
  patched.add(prototype);
}
