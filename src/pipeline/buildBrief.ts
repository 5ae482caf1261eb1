import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { BriefFile } from './briefFiles.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { MarkupError, parseMarkup } from '../document/parseMarkup.js';
import { DEFAULT_LAYOUT, layoutBrief } from '../layout/layoutBrief.js';
import { TemplateError } from '../layout/templateError.js';
import { type Format, outputPaths } from '../output/outputPaths.js';
import { replaceTogether } from '../output/replaceTogether.js';
import { undrawableCharacters } from '../theme/fontCoverage.js';
import { loadTheme, type ThemeResult } from '../theme/loadTheme.js';
import type { PageMap } from '../document/types.js';
import { wordTheme } from './wordJob.js';
import { writePdf, type WrittenPdf } from '../writers/pdf/writePdf.js';
import { styleSheetPath } from '../writers/html/htmlStyle.js';
import { type Download, writeHtml } from '../writers/html/writeHtml.js';
import { FORMATS, orderFormats } from './formats.js';
import type { BuildContext } from './buildContext.js';
import { lintBrief } from '../lint/lintBrief.js';
import { normaliseText } from '../brief/normaliseText.js';
import { readBrief } from './readBrief.js';

export const DEFAULT_THEME = 'hee';

/** The HTML page's style sheet, which every page's build reads (drivers watch it). */
export { styleSheetPath };

/** A document a build wrote. */
export interface WrittenDocument {
  format: Format;
  path: string;
  bytes: number;
  /** Pages of a paged document: the PDF's, which the .docx has too; none for the HTML page. */
  pages?: number;
  /** sha256 of the bytes written: a later run checks the file still holds them. */
  sha256: string;
}

export type BuildResult = (
  | { ok: true; outputs: WrittenDocument[]; milliseconds: number }
  | { ok: false; diagnostics: Diagnostic[]; outputsChanged?: boolean }
) & {
  /** Every file this build read (as far as it got): when one changes, the brief needs building again. */
  dependencies: string[];
  /** sha256 of the bytes this build read, for the files whose bytes it saw itself (the brief). */
  readHashes?: Record<string, string>;
  /** What `brief lint` says of the brief: reported, never a reason not to build. */
  warnings: Diagnostic[];
  /** When both documents were in place, in milliseconds since 1970 (fractional): the benchmark times a watcher's save by it. */
  writtenAt?: number;
};

export interface BuildOptions {
  /** Told when the documents are in place. */
  written?: () => void;
  /** The documents to make (`--format`): when not given, those the theme names, or else all (FORMATS). */
  formats?: readonly Format[];
}

/**
 * The whole pipeline for one brief: load, validate, layout, parse, write, atomic write.
 * Problems come back as diagnostics; outputs are only replaced once they are whole, all the
 * formats of one build together.
 */
export async function buildBrief(file: BriefFile, context: BuildContext, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const dependencies = [file.path, context.briefSchemaPath];
  const read = await readBrief(file, context.briefValidator);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics, dependencies, warnings: [] };
  // From here on, composed text (NFC): what is checked against the font is what is printed.
  const brief = normaliseText(read.brief);
  // Lint comes last, once the documents are written: it is advice, not on the way to the output.
  const lint = () => lintBrief(brief, read.loaded);
  const readHashes = read.loaded.sha256 ? { [file.path]: read.loaded.sha256 } : {};
  const failed = (diagnostics: Diagnostic[], outputsChanged?: boolean): BuildResult => ({
    ok: false,
    diagnostics,
    dependencies,
    readHashes,
    warnings: lint(),
    ...(outputsChanged ? { outputsChanged } : {}),
  });
  const themeId = brief.theme ?? DEFAULT_THEME;
  dependencies.push(context.themeSchemaPath, join(context.templatesRoot, 'themes', themeId, 'theme.json'));
  const theme = await themeFor(themeId, context);
  if (!theme.ok) {
    // The theme's fonts and logo too: a watcher rebuilds when a broken one is repaired.
    dependencies.push(...(theme.files ?? []));
    return failed(theme.diagnostics);
  }
  dependencies.push(...theme.theme.files);
  const undrawable = undrawableCharacters(brief, theme.theme, file.file, read.loaded.sourceMap);
  if (undrawable.length > 0) return failed(undrawable);
  const layout = brief.layout ?? DEFAULT_LAYOUT;
  dependencies.push(...context.templates.filesOf(layout));
  let markup: string;
  try {
    markup = layoutBrief(brief, theme.theme, context.templates);
  } catch (error) {
    if (error instanceof TemplateError) return failed([{ file: error.file, line: error.line, column: error.column, pointer: '', message: error.message }]);
    throw error;
  }
  let document: ReturnType<typeof parseMarkup>;
  try {
    document = parseMarkup(markup);
  } catch (error) {
    if (error instanceof MarkupError) {
      const layoutFile = displayPath(join(context.templatesRoot, 'layouts', `${layout}.hbs`));
      return failed([{ file: layoutFile, pointer: '', message: `the layout (or one of its partials) writes markup brief cannot print: ${error.message}` }]);
    }
    throw error;
  }
  const formats = orderFormats(options.formats ?? theme.theme.formats ?? FORMATS);
  const paths = outputPaths(context.outputDir, file.path);
  const outputs: { format: Format; path: string; data: Uint8Array; pages?: number }[] = [];
  // The PDF is laid out first (for a .docx too, even when no PDF is wanted): where its headings
  // land is what the Word contents page shows. With a Word thread, the .docx is made there while
  // this thread draws the PDF.
  let pdf: WrittenPdf | undefined;
  if (formats.includes('pdf') || formats.includes('docx')) {
    let docxMade: Promise<Buffer> | undefined;
    const wordWriter = formats.includes('docx') && context.wordWriter?.alive ? context.wordWriter : undefined;
    const laidOut =
      wordWriter &&
      ((pages: PageMap) => {
        docxMade = wordWriter.write({ document, theme: wordTheme(theme.theme), creator: context.creator, pages });
        // Awaited below; should drawing the PDF fail first, a failure here must not go unhandled (it would end the watcher).
        docxMade.catch(() => undefined);
      });
    pdf = await writePdf(document, theme.theme, context.creator, { onLaidOut: laidOut });
    if (formats.includes('pdf')) outputs.push({ format: 'pdf', path: paths.pdf, data: pdf.bytes, pages: pdf.pages.pageCount });
    if (formats.includes('docx')) {
      const docx = await (docxMade ?? writeDocxHere(document, theme.theme, context.creator, pdf.pages));
      outputs.push({ format: 'docx', path: paths.docx, data: docx, pages: pdf.pages.pageCount });
    }
  }
  if (formats.includes('html')) {
    // The page links to the documents made with it, beside it in the same folder.
    const downloads = outputs.map(
      (o): Download => ({ href: encodeURIComponent(basename(o.path)), bytes: o.data.length, ...DOWNLOADS[o.format as 'pdf' | 'docx'] }),
    );
    dependencies.push(styleSheetPath);
    outputs.push({ format: 'html', path: paths.html, data: writeHtml(document, theme.theme, { downloads }) });
  }
  // All are made before any is written, and replaced together or not at all.
  const replaced = await replaceTogether(outputs, { durable: context.durable });
  if (!replaced.ok) {
    return failed(
      replaced.files.map(({ path, message }) => ({ file: displayPath(path), pointer: '', message })),
      replaced.changed,
    );
  }
  options.written?.();
  return {
    ok: true,
    outputs: outputs.map((o) => ({
      format: o.format,
      path: o.path,
      bytes: o.data.length,
      ...(o.pages === undefined ? {} : { pages: o.pages }),
      sha256: createHash('sha256').update(o.data).digest('hex'),
    })),
    milliseconds: performance.now() - started,
    dependencies,
    readHashes,
    warnings: lint(),
  };
}

/** How the page names the PDF and .docx it links to. */
const DOWNLOADS = {
  pdf: { label: 'PDF', type: 'application/pdf' },
  docx: { label: 'Word document', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

async function themeFor(id: string, context: BuildContext): Promise<ThemeResult> {
  const cached = context.themes.get(id);
  if (cached) return { ok: true, theme: cached };
  const loaded = await loadTheme(context.templatesRoot, id, context.themeValidator, process.cwd(), context.checkedAssets);
  if (loaded.ok) context.themes.set(id, loaded.theme);
  return loaded;
}

/**
 * The Word document made in this thread (no Word thread, or it has stopped). The Word writer is
 * loaded at its first use: a build worker with a Word thread never loads it (some 40 ms of a cold start).
 */
async function writeDocxHere(...args: Parameters<typeof import('../writers/docx/writeDocx.js').writeDocx>): Promise<Buffer> {
  const { writeDocx } = await import('../writers/docx/writeDocx.js');
  return writeDocx(...args);
}
