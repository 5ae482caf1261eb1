import { Worker } from 'node:worker_threads';
import type { DocxJob, WordWriter } from '../pipeline/wordJob.js';
import { workerScript } from './workerScript.js';

/**
 * A warm thread that writes Word documents, so that a watcher can make a brief's .docx while
 * the build thread is still drawing its PDF: the .docx needs only where the headings land,
 * which the PDF's layout knows before the drawing starts. One job at a time, in order. At
 * most `memoryMb` of memory: a job that needs more is rejected with Node's
 * ERR_WORKER_OUT_OF_MEMORY (a "too large to build" diagnostic, see buildFailures.ts).
 */
export class WordThread implements WordWriter {
  private readonly worker: Worker;
  private readonly pending: { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }[] = [];
  alive = true;

  constructor(memoryMb: number) {
    const { filename, workerData } = workerScript('docx-worker');
    this.worker = new Worker(filename, { workerData, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    this.worker.on('message', (message: { bytes?: Uint8Array; error?: string }) => {
      const job = this.pending.shift();
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(Buffer.from(message.bytes as Uint8Array));
    });
    this.worker.on('error', (error) => {
      for (const job of this.pending.splice(0)) job.reject(error);
    });
    this.worker.on('exit', () => {
      this.alive = false;
      for (const job of this.pending.splice(0)) job.reject(new Error('the thread that writes Word documents stopped'));
    });
  }

  write(job: DocxJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
