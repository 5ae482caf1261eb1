import { parentPort } from 'node:worker_threads';
import type { DocxJob } from '../pipeline/wordJob.js';
import { writeDocx } from '../writers/docx/writeDocx.js';

// The other side of WordThread: each message is a Word document to write.
parentPort?.on('message', async (job: DocxJob) => {
  try {
    const bytes = await writeDocx(job.document, job.theme, job.creator, job.pages);
    parentPort?.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
});
