import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BriefFile } from '../pipeline/briefFiles.js';
import { packageRoot } from '../paths.js';
import type { BuildResult } from '../pipeline/buildBrief.js';
import type { BuildTask } from './buildWorker.js';

/** Something that builds briefs: in this thread, or in a pool of worker threads. */
export interface Builder {
  build(file: BriefFile): Promise<BuildResult>;
  close(): Promise<void>;
}

type Roots = Omit<BuildTask, 'file'>;

/** Builds in this thread, one brief at a time: no worker to start, so best for one brief or one core. */
export async function inThisThread(roots: Roots): Promise<Builder> {
  const { default: buildInWorker } = await import('./buildWorker.js');
  // One at a time: started together, a hundred builds would all hold their documents in memory at once.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    build: (file) => {
      const build = previous.then(() => buildInWorker({ file, ...roots }));
      previous = build.catch(() => undefined);
      return build;
    },
    close: () => previous.then(() => undefined),
  };
}

/**
 * A worker's young generation (where V8 puts new objects), in MB: half V8's default of 48. Two
 * workers building the 100 briefs of the benchmark then peak at about 267 MB rather than 320 MB,
 * in the same time (measured 2026-11-26, five pairs of runs: 24.8 to 26.8 s against 24.0 to 27.4 s).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/** Builds in `threads` worker threads at once, each keeping its own warm build context. */
export function inWorkerThreads(roots: Roots, threads: number): Builder {
  // Loaded only here: a run that builds in its own thread need not load piscina at all. (By
  // require: it stays outside the bundle, and the bundle runs without a loader for import().)
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  // Worker threads run the bundled program (dist/build-worker.cjs, through bin/build-worker.cjs,
  // which loads it with its code cache), wherever this module itself was loaded from.
  const pool = new Piscina<BuildTask, BuildResult>({ filename: join(packageRoot, 'bin', 'build-worker.cjs'), minThreads: threads, maxThreads: threads, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return { build: (file) => pool.run({ file, ...roots }), close: () => pool.destroy() };
}
