import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { sourceHash } from './sourceHash.js';
import { runningFromSource } from './workerScript.js';

let id: string | undefined;

/**
 * The id of the code running, as hex: installed, dist/build-id (the hash of the bundles and the
 * exact libraries, scripts/bundle.mjs); run from source, the hash of the source (sourceHash.ts).
 * Read once per thread. Throws if an installed program has no dist/build-id (not built).
 */
export function programId(): string {
  id ??= runningFromSource ? sourceHash(packageRoot) : readFileSync(join(packageRoot, 'dist', 'build-id'), 'utf8').trim();
  return id;
}
