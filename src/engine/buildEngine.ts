import { createRequire } from 'node:module';
import type { BriefFile } from '../pipeline/briefFiles.js';
import type { BuildResult } from '../pipeline/buildBrief.js';
import { crashResult, WORKER_MEMORY_MB } from './buildFailures.js';
import type { BuildTask, SharedVersions } from './buildWorker.js';
import { workerScript } from './workerScript.js';

export interface EngineOptions {
  outputDir: string;
  templatesRoot?: string;
  schemaRoot?: string;
  /** How many briefs are built at once, each in its own worker thread (at least 1). */
  threads: number;
  /** The most memory one worker's build may hold, in MB (default WORKER_MEMORY_MB; tests set it tiny). */
  memoryMb?: number;
  /** Wait for the disk to hold each document (default true; a watcher says false). */
  durable?: boolean;
  /** Make each Word document in a second thread while the PDF is drawn (a watcher's quick rebuild). */
  wordThread?: boolean;
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
 * The one build engine: `threads` worker threads, each keeping its own warm build context and
 * at most `memoryMb` of memory, running the same code as the caller (workerScript.ts). A build
 * is always in a worker, never in the caller's thread, so that nothing one brief does can
 * stop the caller: a worker that dies is replaced for the next brief.
 */
export function startBuildEngine(options: EngineOptions): BuildEngine {
  const memoryMb = options.memoryMb ?? WORKER_MEMORY_MB;
  const threads = Math.max(1, options.threads);
  // By require: piscina stays outside the bundle and is found in node_modules.
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const { filename, workerData } = workerScript('build-worker');
  const task = (file: BriefFile, versions?: SharedVersions): BuildTask => ({
    file,
    outputDir: options.outputDir,
    templatesRoot: options.templatesRoot,
    schemaRoot: options.schemaRoot,
    durable: options.durable ?? true,
    wordThread: options.wordThread ?? false,
    memoryMb,
    versions,
  });
  // Builds handed to the pool and not yet answered, with what to answer a crash with.
  const outstanding = new Map<symbol, { file: BriefFile; settle: (result: BuildResult) => void }>();
  let pool: InstanceType<typeof Piscina<BuildTask, BuildResult>> | undefined;
  const startPool = () => {
    const started = new Piscina<BuildTask, BuildResult>({
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
    // starts no more, and what waits for one would wait for ever. Each such build is answered
    // with the failure, and the next build starts a new pool.
    started.on('error', (error: unknown) => {
      for (const { file, settle } of outstanding.values()) settle(crashResult(file, error, memoryMb));
      outstanding.clear();
      if (pool === started) pool = undefined;
      void started.destroy();
    });
    return started;
  };
  pool = startPool();
  return {
    build: (file, versions) =>
      new Promise<BuildResult>((resolve) => {
        const id = Symbol(file.path);
        let settled = false;
        const settle = (result: BuildResult) => {
          if (settled) return;
          settled = true;
          outstanding.delete(id);
          resolve(result);
        };
        outstanding.set(id, { file, settle });
        pool ??= startPool();
        // A worker that V8 stops for want of memory rejects its task with ERR_WORKER_OUT_OF_MEMORY.
        pool.run(task(file, versions)).then(settle, (error: unknown) => settle(crashResult(file, error, memoryMb)));
      }),
    close: async () => {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
