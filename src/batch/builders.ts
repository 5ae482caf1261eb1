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

/**
 * The most memory a worker's build may hold, in MB (V8's old generation). The 2021 brief twenty
 * times over (469 pages) peaks at about 450 MB for a whole process; a brief that needs more is
 * stopped by V8 and reported as too large (`TooLargeError`), without stopping the others.
 */
export const WORKER_MEMORY_MB = 2048;

/** A build that ran out of its worker's memory: that brief's problem, not the run's. */
export class TooLargeError extends Error {
  constructor(readonly memoryMb: number) {
    super(`too large to build: it needed more than ${memoryMb.toLocaleString('en-GB')} MB of memory; split it into two briefs`);
  }
}

/**
 * Builds in `threads` worker threads at once, each keeping its own warm build context and at
 * most `memoryMb` of memory: a build that runs out is rejected with a TooLargeError.
 */
export function inWorkerThreads(roots: Roots, threads: number, memoryMb = WORKER_MEMORY_MB): Builder {
  // Loaded only here: a run that builds in its own thread need not load piscina at all. (By
  // require: it stays outside the bundle, and the bundle runs without a loader for import().)
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  // Worker threads run the bundled program (dist/build-worker.cjs, through bin/build-worker.cjs,
  // which loads it with its code cache), wherever this module itself was loaded from.
  const pool = new Piscina<BuildTask, BuildResult>({
    filename: join(packageRoot, 'bin', 'build-worker.cjs'),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxYoungGenerationSizeMb: Math.min(WORKER_YOUNG_GENERATION_MB, memoryMb), maxOldGenerationSizeMb: memoryMb },
  });
  return {
    // Node ends a worker that runs out of memory with ERR_WORKER_OUT_OF_MEMORY; piscina starts another for the next brief.
    build: (file) => pool.run({ file, ...roots }).catch((error: unknown) => Promise.reject((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TooLargeError(memoryMb) : error)),
    close: () => pool.destroy(),
  };
}
