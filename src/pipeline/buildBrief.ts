import { basename, join } from 'node:path';
import type { BriefFile } from '../cli/briefFiles.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { MarkupError, parseMarkup } from '../document/parseMarkup.js';
import { DEFAULT_LAYOUT, layoutBrief } from '../layout/layoutBrief.js';
import { TemplateError } from '../layout/templateError.js';
import { writeOutput } from '../output/writeOutput.js';
import { undrawableCharacters } from '../theme/fontCoverage.js';
import { loadTheme } from '../theme/loadTheme.js';
import type { Theme } from '../theme/types.js';
import type { PageMap } from '../document/types.js';
import { writeDocx } from '../writers/docx/writeDocx.js';
import { docxTheme } from './docxThread.js';
import { writePdf } from '../writers/pdf/writePdf.js';
import type { BuildContext } from './buildContext.js';
import { lintBrief } from '../lint/lintBrief.js';
import { normaliseText } from '../brief/normaliseText.js';
import { readBrief } from './readBrief.js';

export const DEFAULT_THEME = 'hee';

export interface Output {
  path: string;
  bytes: number;
  pages: number;
}

export type BuildResult = ({ ok: true; outputs: Output[]; milliseconds: number } | { ok: false; diagnostics: Diagnostic[] }) & {
  /** Every file this build read (as far as it got): when one changes, the brief needs building again. */
  dependencies: string[];
  /** What `brief lint` says of the brief: reported, never a reason not to build. */
  warnings: Diagnostic[];
};

/**
 * The whole pipeline for one brief: load, validate, layout, parse, write, atomic write.
 * Problems come back as diagnostics; outputs are only replaced once they are whole.
 */
export async function buildBrief(file: BriefFile, context: BuildContext, events: { written?: () => void } = {}): Promise<BuildResult> {
  const started = performance.now();
  const dependencies = [file.path, context.briefSchemaPath];
  const read = await readBrief(file, context.briefValidator);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics, dependencies, warnings: [] };
  // From here on, composed text (NFC): what is checked against the font is what is printed.
  const brief = normaliseText(read.brief);
  // Lint comes last, once the documents are written: it is advice, not on the way to the output.
  const lint = () => lintBrief(brief, read.loaded);
  const failed = (diagnostics: Diagnostic[]): BuildResult => ({ ok: false, diagnostics, dependencies, warnings: lint() });
  const themeId = brief.theme ?? DEFAULT_THEME;
  dependencies.push(context.themeSchemaPath, join(context.templatesRoot, 'themes', themeId, 'theme.json'));
  const theme = await themeFor(themeId, context);
  if (!theme.ok) return failed(theme.diagnostics);
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
  let document;
  try {
    document = parseMarkup(markup);
  } catch (error) {
    if (error instanceof MarkupError) {
      const layoutFile = displayPath(join(context.templatesRoot, 'layouts', `${layout}.hbs`));
      return failed([{ file: layoutFile, pointer: '', message: `the layout (or one of its partials) writes markup brief cannot print: ${error.message}` }]);
    }
    throw error;
  }
  // The PDF is laid out first: where its headings land is what the Word contents page shows.
  // With a Word thread, the .docx is made there while this thread draws the PDF.
  let docxMade: Promise<Buffer> | undefined;
  const docxThread = context.docxThread?.alive ? context.docxThread : undefined;
  const laidOut =
    docxThread &&
    ((pages: PageMap) => {
      docxMade = docxThread.write({ document, theme: docxTheme(theme.theme), creator: context.creator, pages });
      // Awaited below; should drawing the PDF fail first, a failure here must not go unhandled (it would end the watcher).
      docxMade.catch(() => undefined);
    });
  const pdf = await writePdf(document, theme.theme, context.creator, { onLaidOut: laidOut });
  const docx = await (docxMade ?? writeDocx(document, theme.theme, context.creator, pdf.pages));
  const name = basename(file.path, '.json');
  const outputs = [
    { path: join(context.outputDir, `${name}.pdf`), data: pdf.bytes },
    { path: join(context.outputDir, `${name}.docx`), data: docx },
  ];
  // Both are made before either is written, so a failure leaves both previous files as they were.
  const written = await Promise.allSettled(outputs.map((output) => writeOutput(output.path, output.data, { durable: context.durable })));
  const unwritable = written.flatMap((w, i) => (w.status === 'rejected' ? [{ path: outputs[i]?.path as string, error: w.reason as NodeJS.ErrnoException }] : []));
  if (unwritable.length > 0) {
    return failed(unwritable.map(({ path, error }) => ({ file: displayPath(path), pointer: '', message: `cannot be written: ${describeWriteError(error)}; the previous file, if any, is unchanged` })));
  }
  events.written?.();
  return {
    ok: true,
    outputs: outputs.map((o) => ({ path: o.path, bytes: o.data.length, pages: pdf.pages.pageCount })),
    milliseconds: performance.now() - started,
    dependencies,
    warnings: lint(),
  };
}

async function themeFor(id: string, context: BuildContext): Promise<{ ok: true; theme: Theme } | { ok: false; diagnostics: Diagnostic[] }> {
  const cached = context.themes.get(id);
  if (cached) return { ok: true, theme: cached };
  const loaded = await loadTheme(context.templatesRoot, id, context.themeValidator, process.cwd());
  if (loaded.ok) context.themes.set(id, loaded.theme);
  return loaded;
}

function describeWriteError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EISDIR':
      return 'there is a folder of that name in its place';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOTDIR':
      return 'part of its folder path is a file, not a folder';
    default:
      return error.message;
  }
}
