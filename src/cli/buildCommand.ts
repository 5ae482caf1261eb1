import { resolve } from 'node:path';
import { buildBrief } from '../pipeline/buildBrief.js';
import { createBuildContext } from '../pipeline/buildContext.js';
import { briefFiles } from './briefFiles.js';
import type { Output } from './output.js';
import { reportBuild } from './reportBuild.js';

/** `brief build [paths...]`: build each brief's PDF and Word document into the output folder. Returns the exit code. */
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
    if (!result.ok) failed++;
    for (const line of reportBuild(file.file, result)) out.info(line);
  }
  if (files.length > 1) out.info(`${files.length} briefs: ${files.length - failed} built, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
