import type { BriefFile } from '../pipeline/briefFiles.js';
import { buildBrief, type BuildResult } from '../pipeline/buildBrief.js';
import { createBuildContext, type BuildContext } from '../pipeline/buildContext.js';

/** What a worker thread is asked to build. */
export interface BuildTask {
  file: BriefFile;
  outputDir: string;
  templatesRoot?: string;
  schemaRoot?: string;
}

// A worker keeps its build context warm between briefs: schemas, templates, themes, fonts.
const contexts = new Map<string, BuildContext>();

/** One brief through the whole pipeline, in a worker thread (piscina calls this). */
export default async function buildInWorker(task: BuildTask): Promise<BuildResult> {
  const key = JSON.stringify([task.outputDir, task.templatesRoot, task.schemaRoot]);
  let context = contexts.get(key);
  if (!context) {
    context = createBuildContext({ outputDir: task.outputDir, templatesRoot: task.templatesRoot, schemaRoot: task.schemaRoot });
    contexts.set(key, context);
  }
  return buildBrief(task.file, context);
}
