import type { BriefFile } from '../pipeline/briefFiles.js';
import type { EngineOptions } from './buildEngine.js';
import type { BuildTask, SharedVersions } from './buildWorker.js';

/** What a worker (or this thread) is asked to do for one brief. */
export function buildTask(options: EngineOptions, memoryMb: number): (file: BriefFile, versions?: SharedVersions) => BuildTask {
  return (file, versions) => ({
    file,
    outputDir: options.outputDir,
    templatesRoot: options.templatesRoot,
    schemaRoot: options.schemaRoot,
    durable: options.durable ?? true,
    wordThread: options.wordThread ?? false,
    ...(options.formats ? { formats: [...options.formats] } : {}),
    memoryMb,
    versions,
  });
}
