import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { packageRoot } from '../paths.js';
import type { BriefFile } from '../pipeline/briefFiles.js';
import type { BuildEngine, EngineOptions } from './buildEngine.js';
import { buildTask } from './buildTask.js';
import { crashResult } from './buildFailures.js';
import { requireBundle } from './codeCache.js';
import type { BuildTask, WorkerAnswer } from './buildWorker.js';
import { workerScript } from './workerScript.js';

/**
 * The largest brief built in the command's own thread, in bytes: some five times the January 2021
 * brief, which builds in about 250 MB. Larger briefs go to a worker with a memory limit.
 */
export const IN_THIS_THREAD_MAX_BYTES = 512 * 1024;

/**
 * The least heap this process must be allowed, in MB, to build in its own thread: eight times
 * what a brief at IN_THIS_THREAD_MAX_BYTES needs at most, so that running out, which would stop
 * the process, cannot happen. Node's default is a quarter of the machine's memory, up to 4 GB.
 */
const IN_THIS_THREAD_MIN_HEAP_MB = 2048;

/**
 * Whether this process may build one brief of at most IN_THIS_THREAD_MAX_BYTES in its own thread.
 * Such a brief is built more quickly in the command's own thread than in a worker:
 * a cold `brief build` of one brief saves starting a worker and loading the program twice (about
 * 0.2 s, docs/performance.md). Only when it cannot run out of this process's memory.
 */
export function buildsInThisThread(): boolean {
  return getHeapStatistics().heap_size_limit / 1048576 >= IN_THIS_THREAD_MIN_HEAP_MB;
}

interface BuildModule {
  default: (task: BuildTask) => Promise<WorkerAnswer>;
  closeBuildContexts: () => Promise<void>;
}

/**
 * The build worker's own module, loaded into this thread: the same code a worker would run
 * (workerScript.ts). The bundle is loaded with V8's code cache (codeCache.ts), saved at close.
 */
async function buildModule(): Promise<{ module: BuildModule; saveCache?: () => void }> {
  const { filename, workerData } = workerScript('build-worker');
  if (workerData) return { module: (await import(workerData.sourceEntry)) as BuildModule };
  const bundle = requireBundle(filename, join(packageRoot, 'node_modules', '.cache', 'brief', 'code-cache'));
  return { module: bundle.exports as BuildModule, saveCache: bundle.saveCache };
}

/**
 * A build engine that builds in the caller's thread, one brief at a time, through the same
 * function a worker runs. Never rejects: a crash is that brief's diagnostic. There is no memory
 * limit of its own, so callers use it only where buildsInThisThread says so.
 */
export function threadPool(options: EngineOptions): BuildEngine {
  const task = buildTask(options, Math.round(getHeapStatistics().heap_size_limit / 1048576));
  let loaded: ReturnType<typeof buildModule> | undefined;
  return {
    build: async (file: BriefFile, versions) => {
      try {
        loaded ??= buildModule();
        return (await (await loaded).module.default(task(file, versions))).result;
      } catch (error) {
        return crashResult(file, error, 0);
      }
    },
    close: async () => {
      if (!loaded) return;
      const { module, saveCache } = await loaded;
      await module.closeBuildContexts();
      saveCache?.();
    },
  };
}
