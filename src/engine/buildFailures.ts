import type { BriefFile } from '../pipeline/briefFiles.js';
import type { BuildResult } from '../pipeline/buildBrief.js';

/**
 * The most memory one brief's build may hold, in MB (V8's old generation, per worker thread).
 * The 2021 brief twenty times over (469 pages) peaks at about 450 MB for a whole process; a
 * brief that needs more is stopped by V8 and reported as too large, without stopping the others.
 */
export const WORKER_MEMORY_MB = 2048;

/** Node's code for a worker thread that V8 stopped for running out of its memory. */
const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** Whether an error is a worker thread (a build's, or its Word thread) stopped for running out of memory. */
export function isOutOfMemory(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === OUT_OF_MEMORY || /reaching memory limit|out of memory/i.test(message ?? '');
}

/**
 * What a crash inside one brief's build means to the person who ran it, as that brief's
 * diagnostic: out of memory (the build's worker, or the Word writer's), a stack overflow (a
 * structure nested too deep), or anything else (a bug in brief, said plainly).
 */
export function crashResult(file: BriefFile, error: unknown, memoryMb: number): BuildResult {
  const { message } = (error ?? {}) as { message?: string };
  let text: string;
  if (isOutOfMemory(error)) {
    text = `too large to build: it needed more than ${memoryMb.toLocaleString('en-GB')} MB of memory; split it into two briefs`;
  } else if (error instanceof RangeError && /call stack/i.test(message ?? '')) {
    text = `too deeply nested to build (${message}): look for a template or text that includes itself`;
  } else {
    text = `the build stopped unexpectedly, a fault in brief rather than in this file (please report it): ${message ?? String(error)}`;
  }
  return { ok: false, dependencies: [file.path], warnings: [], diagnostics: [{ file: file.file, pointer: '', message: text }] };
}
