import { createRequire } from 'node:module';
import type { Format } from '../output/outputPaths.js';
import type { BriefFile } from '../pipeline/briefFiles.js';
import type { BuildResult } from '../pipeline/buildBrief.js';
import { crashResult, isOutOfMemory, WORKER_MEMORY_MB } from './buildFailures.js';
import type { BuildTask, SharedVersions, WorkerAnswer } from './buildWorker.js';
import { buildTask } from './buildTask.js';
import { threadPool } from './inThisThread.js';
import { workerScript } from './workerScript.js';

export interface EngineOptions {
  outputDir: string;
  templatesRoot?: string;
  schemaRoot?: string;
  /** How many briefs are built at once, each in its own worker thread (at least 1). */
  threads: number;
  /** The most memory one worker's build may hold, in MB (default WORKER_MEMORY_MB; tests set it tiny). */
  memoryMb?: number;
  /** The memory a build first runs under, in MB (default LEAN_MEMORY_MB, at most `memoryMb`; tests set it tiny). */
  firstMemoryMb?: number;
  /** Wait for the disk to hold each document (default true; a watcher says false). */
  durable?: boolean;
  /** Make each Word document in a second thread while the PDF is drawn (a watcher's quick rebuild). */
  wordThread?: boolean;
  /** The documents to make of every brief (`--format`); when not given, each brief's theme says. */
  formats?: readonly Format[];
  /**
   * Build in the caller's own thread, not a worker (see inThisThread.ts): only for one brief small
   * enough that it cannot run out of the process's memory. Ignored when `threads` is over 1.
   */
  inThisThread?: boolean;
}

/** Builds briefs: what every driver (`brief build`, `brief watch`, the tests) calls. */
export interface BuildEngine {
  /**
   * One brief through the pipeline in a worker thread. Never rejects: a brief's problems, a
   * shared file that cannot be used, running out of memory, a stack overflow or any other crash
   * come back as that brief's diagnostics, and the engine goes on with the next brief.
   * `versions` tells the worker which edition of the schema, templates and themes to use.
   */
  build(file: BriefFile, versions?: SharedVersions): Promise<BuildResult>;
  /** Stops the workers, after the builds under way. */
  close(): Promise<void>;
}

/**
 * A worker's young generation (where V8 puts new objects), in MB: half V8's default of 48, so
 * that two workers take less memory at the peak in the same time (see docs/performance.md).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * The memory limit a brief's build first runs under, in MB. V8 sizes a heap by its limit: under
 * 2,048 MB two workers let their heaps grow to some 360-400 MB in all for 20 ordinary briefs;
 * under 768 MB, about 255 MB, at much the same speed (under 384 MB, about 245 MB but some 20%
 * slower: more collections). Measured 2026-11-30, docs/performance.md. A build that needs more
 * runs out, and is built again in a worker with the full limit.
 */
export const LEAN_MEMORY_MB = 768;

/**
 * The one build engine: `threads` worker threads, each keeping its own warm build context,
 * running the same code as the caller (workerScript.ts). A build is always in a worker, never
 * in the caller's thread, so that nothing one brief does can stop the caller. A build first runs
 * under LEAN_MEMORY_MB; one that runs out runs again, alone, under `memoryMb` (default
 * WORKER_MEMORY_MB), and only if it runs out there too is it "too large to build".
 */
export function startBuildEngine(options: EngineOptions): BuildEngine {
  const memoryMb = options.memoryMb ?? WORKER_MEMORY_MB;
  const leanMb = Math.min(options.firstMemoryMb ?? LEAN_MEMORY_MB, memoryMb);
  if (options.inThisThread && options.threads <= 1) return threadPool(options);
  const lean = workerPool(options, Math.max(1, options.threads), leanMb);
  // Started only for a brief that needs it.
  let large: WorkerPool | undefined;
  // Briefs that needed the full limit go straight to it next time (a watcher's saves, say): running
  // out again would cost a build and the lean worker's warm context.
  const needsLarge = new Set<string>();
  const inLarge = async (file: BriefFile, versions?: SharedVersions) => {
    needsLarge.add(file.path);
    large ??= workerPool(options, 1, memoryMb);
    return (await large.build(file, versions)).result;
  };
  return {
    build: async (file, versions) => {
      if (needsLarge.has(file.path)) return inLarge(file, versions);
      const first = await lean.build(file, versions);
      if (!first.outOfMemory || leanMb === memoryMb) return first.result;
      return inLarge(file, versions);
    },
    close: async () => {
      await Promise.all([lean.close(), large?.close()]);
    },
  };
}

export interface WorkerPool {
  /** Never rejects; `outOfMemory` when the build ran out of this pool's memory limit. */
  build(file: BriefFile, versions?: SharedVersions): Promise<{ result: BuildResult; outOfMemory: boolean }>;
  close(): Promise<void>;
}

/** `threads` worker threads (piscina), each with at most `memoryMb` of memory. */
function workerPool(options: EngineOptions, threads: number, memoryMb: number): WorkerPool {
  // By require: piscina stays outside the bundle and is found in node_modules.
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const { filename, workerData } = workerScript('build-worker');
  const task = buildTask(options, memoryMb);
  type Answer = { result: BuildResult; outOfMemory: boolean };
  const crashed = (file: BriefFile, error: unknown): Answer => ({ result: crashResult(file, error, memoryMb), outOfMemory: isOutOfMemory(error) });
  // Builds handed to the pool and not yet answered, with what to answer a crash with.
  const outstanding = new Map<symbol, { file: BriefFile; settle: (answer: Answer) => void }>();
  let pool: InstanceType<typeof Piscina<BuildTask, WorkerAnswer>> | undefined;
  const startPool = () => {
    const started = new Piscina<BuildTask, WorkerAnswer>({
      filename,
      workerData,
      // Not the caller's Node options: what a worker needs is in workerScript.ts, and some options
      // (`--input-type`, say) stop a worker from starting at all.
      execArgv: [],
      minThreads: threads,
      maxThreads: threads,
      // A worker idles until the engine closes: it holds the warm context.
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxYoungGenerationSizeMb: Math.min(WORKER_YOUNG_GENERATION_MB, memoryMb), maxOldGenerationSizeMb: memoryMb },
    });
    // A worker that fails before it takes a brief (while it starts, say, out of memory): piscina
    // starts no more. The workers left go on with the queue; with none left, what waits would
    // wait for ever, so each such build is answered with the failure, and the next build starts
    // a new pool.
    started.on('error', (error: unknown) => {
      if (started.threads.length > 0) return;
      for (const { file, settle } of outstanding.values()) settle(crashed(file, error));
      outstanding.clear();
      if (pool === started) pool = undefined;
      void started.destroy();
    });
    return started;
  };
  pool = startPool();
  return {
    build: (file, versions) =>
      new Promise<Answer>((resolve) => {
        const id = Symbol(file.path);
        let settled = false;
        const settle = (answer: Answer) => {
          if (settled) return;
          settled = true;
          outstanding.delete(id);
          resolve(answer);
        };
        outstanding.set(id, { file, settle });
        pool ??= startPool();
        // A worker that V8 stops for want of memory rejects its task with ERR_WORKER_OUT_OF_MEMORY;
        // the Word thread's running out is reported by the worker (WorkerAnswer.outOfMemory).
        pool.run(task(file, versions)).then(
          ({ result, outOfMemory }) => settle({ result, outOfMemory }),
          (error: unknown) => settle(crashed(file, error)),
        );
      }),
    close: async () => {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
