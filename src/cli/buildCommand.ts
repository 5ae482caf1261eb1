import { resolve } from 'node:path';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { buildBrief } from '../pipeline/buildBrief.js';
import { createBuildContext } from '../pipeline/buildContext.js';
import { briefFiles } from './briefFiles.js';
import type { Output } from './output.js';

/** `brief build [paths...]`: build each brief's PDF into the output folder. Returns the exit code. */
export async function buildCommand(paths: string[], options: { output: string }, out: Output): Promise<number> {
  const files = await briefFiles(paths);
  if (files.length === 0) {
    out.error('no brief files (.json) found to build');
    return 1;
  }
  const context = createBuildContext({ outputDir: resolve(options.output) });
  let failed = 0;
  for (const file of files) {
    const result = await buildBrief(file, context);
    if (result.ok) {
      const [first, ...rest] = result.outputs;
      const written = [`${displayPath(first?.path ?? '')} (${first?.pages} pages, ${kilobytes(first?.bytes ?? 0)})`, ...rest.map((o) => `${displayPath(o.path)} (${kilobytes(o.bytes)})`)].join(' and ');
      out.info(`${file.file}: wrote ${written} in ${(result.milliseconds / 1000).toFixed(1)} s`);
    } else {
      failed++;
      for (const diagnostic of result.diagnostics) out.info(formatDiagnostic(diagnostic));
      out.info(`${file.file}: not built; the previous output, if any, is unchanged`);
    }
  }
  if (files.length > 1) out.info(`${files.length} briefs: ${files.length - failed} built, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
