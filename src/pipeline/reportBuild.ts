import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import type { BuildResult } from './buildBrief.js';

/** The lines a build prints: what was written, how big, how long; or every problem, and that nothing was replaced. */
export function reportBuild(file: string, result: BuildResult): string[] {
  const warnings = result.warnings.map(formatDiagnostic);
  if (result.ok) {
    const [first, ...rest] = result.outputs;
    const written = [
      `${displayPath(first?.path ?? '')} (${first?.pages} pages, ${kilobytes(first?.bytes ?? 0)})`,
      ...rest.map((o) => `${displayPath(o.path)} (${kilobytes(o.bytes)})`),
    ].join(' and ');
    return [...warnings, `${file}: wrote ${written} in ${(result.milliseconds / 1000).toFixed(1)} s`];
  }
  // Only a fault while putting a previous document back leaves anything changed; the lines above say what.
  const outcome = result.outputsChanged ? 'not built; what happened to each document is said above' : 'not built; the previous output, if any, is unchanged';
  return [...warnings, ...result.diagnostics.map(formatDiagnostic), `${file}: ${outcome}`];
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
