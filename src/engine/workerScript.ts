import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../paths.js';

/** The program's worker threads: the batch and watch builds, and the Word writer beside a watch build. */
export type WorkerName = 'build-worker' | 'docx-worker';

const SOURCE: Record<WorkerName, string> = {
  'build-worker': 'src/engine/buildWorker.ts',
  'docx-worker': 'src/engine/wordThreadWorker.ts',
};

/** True when this module was loaded from its TypeScript source rather than from the bundle in dist/. */
export const runningFromSource = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * How to start a worker thread so that it runs the same code as this thread: from the bundle
 * (`dist/<name>.cjs`, made by `npm run build`) when this thread runs the bundle, as the installed
 * `brief` command does; from the TypeScript source, compiled by tsx in the worker
 * (`sourceWorker.mjs`), when this thread runs from source, as the tests do. So an edit to the
 * source is what every worker runs, whatever the concurrency.
 * Gives `filename` (for `new Worker` or piscina) and the `workerData` the worker expects.
 */
export function workerScript(name: WorkerName): { filename: string; workerData?: { sourceEntry: string } } {
  if (!runningFromSource) return { filename: join(packageRoot, 'dist', `${name}.cjs`) };
  return {
    filename: join(packageRoot, 'src', 'engine', 'sourceWorker.mjs'),
    workerData: { sourceEntry: pathToFileURL(join(packageRoot, SOURCE[name])).href },
  };
}
