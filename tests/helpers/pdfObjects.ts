import { readFileSync } from 'node:fs';

/**
 * The link annotations of a PDF and the object references (OBJR) that tie them into its
 * structure tree, read from the file's own objects (pdfkit writes dictionaries uncompressed;
 * only content streams are compressed). For checks pdf.js and poppler do not expose.
 */
export interface AnnotationPlaces {
  /** Page object number of each annotation object number, from the pages' /Annots. */
  pageOfAnnotation: Map<number, number>;
  /** Each OBJR's annotation and the page it names (/Pg), as object numbers. */
  references: { annotation: number; page: number }[];
}

export function readAnnotationPlaces(path: string): AnnotationPlaces {
  const text = readFileSync(path).toString('latin1');
  const pageOfAnnotation = new Map<number, number>();
  for (const object of text.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)\nendobj/g)) {
    const body = object[2] as string;
    if (!/\/Type \/Page\b/.test(body)) continue;
    const annots = /\/Annots \[([^\]]*)\]/.exec(body)?.[1] ?? '';
    for (const ref of annots.matchAll(/(\d+) 0 R/g)) pageOfAnnotation.set(Number(ref[1]), Number(object[1]));
  }
  const references = [...text.matchAll(/\/Type \/OBJR\s*\/Obj (\d+) 0 R\s*\/Pg (\d+) 0 R/g)].map((m) => ({ annotation: Number(m[1]), page: Number(m[2]) }));
  return { pageOfAnnotation, references };
}
