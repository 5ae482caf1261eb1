// A worker thread started by a program that runs from its TypeScript source (tests, `tsx`):
// tsx compiles the worker's own module, named by workerScript.ts, so that the worker runs the
// very source its parent runs, never an older bundle in dist/. Not used by the installed command.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const worker = await import(workerData.sourceEntry);
export default worker.default;
