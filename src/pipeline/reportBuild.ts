import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import type { BuildResult } from './buildBrief.js';

/** The lines a build prints: what was written, how big, how long; or every problem, and that nothing was replaced. */
export function reportBuild(file: string, result: BuildResult): string[] {
  const warnings = result.warnings.map(formatDiagnostic);
  if (result.ok) {
    // The page count once, on the first paged document: "x.pdf (25 pages, 249 KB), x.docx (58 KB) and x.html (120 KB)".
    const paged = result.outputs.find((o) => o.pages !== undefined);
    const each = result.outputs.map((o) => `${displayPath(o.path)} (${o === paged ? `${o.pages} pages, ` : ''}${kilobytes(o.bytes)})`);
    const written = each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each.at(-1)}` : (each[0] ?? 'nothing');
    return [...warnings, `${file}: wrote ${written} in ${(result.milliseconds / 1000).toFixed(1)} s`];
  }
  // Only a fault while putting a previous document back leaves anything changed; the lines above say what.
  const outcome = result.outputsChanged ? 'not built; what happened to each document is said above' : 'not built; the previous output, if any, is unchanged';
  return [...warnings, ...result.diagnostics.map(formatDiagnostic), `${file}: ${outcome}`];
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
