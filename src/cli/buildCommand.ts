import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { batchBuild } from '../batch/batchBuild.js';
import { briefFiles } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import type { Format } from '../pipeline/formats.js';

export interface BuildOptions {
  output: string;
  concurrency?: number;
  force?: boolean;
  report?: string;
  /** --format: the documents to make of every brief; when not given, each brief's theme says (default all). */
  format?: Format[];
}

/** `brief build [paths...]`: build each brief's PDF, Word document and web page (or the formats chosen) into the output folder. Returns the exit code. */
export async function buildCommand(paths: string[], options: BuildOptions, out: Output): Promise<number> {
  const outputDir = resolve(options.output);
  if (
    await stat(outputDir).then(
      (s) => !s.isDirectory(),
      () => false,
    )
  ) {
    out.error(`${options.output} is a file, not a folder: give --output a folder for the documents`);
    return 2;
  }
  const files = await briefFiles(paths);
  if (files.length === 0) {
    out.error('no brief files (.json) found to build');
    return 1;
  }
  const report = await batchBuild(
    files,
    {
      outputDir,
      concurrency: options.concurrency,
      force: options.force,
      formats: options.format,
      reportPath: options.report && resolve(options.report),
      command: `brief build ${paths.join(' ')}`.trim(),
    },
    out,
  );
  return report.summary.failed > 0 ? 1 : 0;
}
