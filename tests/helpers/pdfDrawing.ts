import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A straight line or a rectangle drawn on a page, in PDF units from the page's bottom left. */
export interface Drawn {
  kind: 'line' | 'rectangle';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Drawn with a dash pattern (a dotted leader), or solid. */
  dashed: boolean;
}

/** A piece of text on a page: its left end, its baseline and width, in PDF units from the bottom left. */
export interface Placed {
  text: string;
  x: number;
  baseline: number;
  width: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * What a page draws besides text (lines and rectangles, with the transforms in force applied),
 * and its text, read with pdf.js's operator list: how a reader's viewer sees the page.
 */
export async function readDrawing(path: string, pageNumber: number): Promise<{ drawn: Drawn[]; text: Placed[] }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const page = await doc.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const drawn: Drawn[] = [];
  const stack: { ctm: Matrix; dashed: boolean }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let dashed = false;
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, dashed });
    else if (fn === OPS.restore) ({ ctm, dashed } = stack.pop() ?? { ctm, dashed });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setDash) dashed = ((args[0] as number[]) ?? []).length > 0;
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let at = 0;
      let from: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS.moveTo) {
          from = apply(ctm, coords[at] as number, coords[at + 1] as number);
          at += 2;
        } else if (op === OPS.lineTo) {
          const to = apply(ctm, coords[at] as number, coords[at + 1] as number);
          drawn.push({ kind: 'line', x1: from[0], y1: from[1], x2: to[0], y2: to[1], dashed });
          from = to;
          at += 2;
        } else if (op === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(at, at + 4) as number[];
          const a = apply(ctm, x as number, y as number);
          const b = apply(ctm, (x as number) + (w as number), (y as number) + (h as number));
          drawn.push({ kind: 'rectangle', x1: Math.min(a[0], b[0]), y1: Math.min(a[1], b[1]), x2: Math.max(a[0], b[0]), y2: Math.max(a[1], b[1]), dashed });
          at += 4;
        } else if (op === OPS.curveTo) at += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) at += 4;
      }
    }
  });
  const items = (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[];
  const text = items.filter((t) => t.str.trim()).map((t) => ({ text: t.str, x: t.transform[4] as number, baseline: t.transform[5] as number, width: t.width }));
  await doc.destroy();
  return { drawn, text };
}
