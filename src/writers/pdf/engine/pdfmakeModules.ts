import { createRequire } from 'node:module';
import LayoutBuilder from 'pdfmake/js/LayoutBuilder.js';
import PageElementWriter from 'pdfmake/js/PageElementWriter.js';
import Renderer from 'pdfmake/js/Renderer.js';
import StyleContextStack from 'pdfmake/js/StyleContextStack.js';
import TextInlines from 'pdfmake/js/TextInlines.js';

/** The pdfmake 0.3.11 modules (its `js/` folder) whose classes the adjustments in this folder change. */
const imported = { LayoutBuilder, PageElementWriter, Renderer, StyleContextStack, TextInlines };
export type PdfmakeModuleName = keyof typeof imported;

/**
 * A pdfmake module's CommonJS exports object, `{ default: TheClass }` (pdfmake's modules are
 * compiled by Babel): the very object pdfmake's own modules read the class from at each use, so
 * that a class replaced in it is the one pdfmake uses. Node and the esbuild bundle give that
 * object as an `import`'s default; a loader that unwraps `default` (Vitest's) gives the class
 * instead, and then Node's `require` gives the object, from the copy that loader loaded.
 */
export function pdfmakeModule<T>(name: PdfmakeModuleName): { default: T } {
  const exports = imported[name] as unknown;
  if (typeof exports !== 'function') return exports as { default: T };
  return createRequire(import.meta.url)(`pdfmake/js/${name}.js`) as { default: T };
}
