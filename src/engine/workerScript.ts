import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../paths.js';
import { sourceHash } from './sourceHash.js';

/** The program's worker threads: the batch and watch builds, and the Word writer beside a watch build. */
export type WorkerName = 'build-worker' | 'docx-worker';

const SOURCE: Record<WorkerName, string> = {
  'build-worker': 'src/engine/buildWorker.ts',
  'docx-worker': 'src/engine/wordThreadWorker.ts',
};

/** True when this module was loaded from its TypeScript source rather than from the bundle in dist/. */
export const runningFromSource = fileURLToPath(import.meta.url).endsWith('.ts');

let bundleCurrent: boolean | undefined;

/**
 * Whether the bundle in dist/ was built from exactly the source in src/ (dist/source-hash, written
 * by `npm run build`, against the source's hash now): then a program run from source may start
 * its workers from the bundle, which start in a third of the time. Worked out once per thread.
 */
export function bundleMatchesSource(): boolean {
  if (bundleCurrent === undefined) {
    try {
      bundleCurrent = readFileSync(join(packageRoot, 'dist', 'source-hash'), 'utf8').trim() === sourceHash(packageRoot);
    } catch {
      bundleCurrent = false; // not built
    }
  }
  return bundleCurrent;
}

/**
 * How to start a worker thread so that it runs the same code as this thread: from the bundle
 * (`dist/<name>.cjs`, made by `npm run build`) when this thread runs the bundle, as the installed
 * `brief` command does, or runs the very source the bundle was built from (`npm test`); from the
 * TypeScript source, compiled by tsx in the worker (`sourceWorker.mjs`), when this thread runs
 * source the bundle was not built from (an edit not yet built). So an edit to the source is what
 * every worker runs, whatever the concurrency. Gives `filename` (for `new Worker` or piscina)
 * and the `workerData` the worker expects.
 */
export function workerScript(name: WorkerName): { filename: string; workerData?: { sourceEntry: string } } {
  if (!runningFromSource || bundleMatchesSource()) return { filename: join(packageRoot, 'dist', `${name}.cjs`) };
  return {
    filename: join(packageRoot, 'src', 'engine', 'sourceWorker.mjs'),
    workerData: { sourceEntry: pathToFileURL(join(packageRoot, SOURCE[name])).href },
  };
}
