import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceHash } from '../engine/sourceHash.js';
import { runningFromSource } from '../engine/workerScript.js';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0 (ab12cd34)": the version, and the id of the code that builds (the manifest keeps
 * it, so that changed code rebuilds every brief even when nobody changed the version). Installed,
 * that is dist/build-id, the hash of the bundles and the exact libraries (scripts/bundle.mjs);
 * run from source (the tests, tsx), the hash of the source itself (sourceHash.ts).
 */
export async function programVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const buildId = runningFromSource ? sourceHash(packageRoot) : (await readFile(join(packageRoot, 'dist', 'build-id'), 'utf8')).trim();
  return `brief ${version} (${buildId.slice(0, 8)})`;
}
