import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runningFromSource } from '../engine/workerScript.js';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0 (ab12cd34)": the version, and the id of the code that builds (the manifest keeps
 * it, so that changed code rebuilds every brief even when nobody changed the version). Installed,
 * that is dist/build-id, the hash of the bundles and the exact libraries (scripts/bundle.mjs);
 * run from source (the tests, tsx), a hash of the source itself and of package-lock.json.
 */
export async function programVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const buildId = runningFromSource ? await sourceHash() : (await readFile(join(packageRoot, 'dist', 'build-id'), 'utf8')).trim();
  return `brief ${version} (${buildId.slice(0, 8)})`;
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(join(packageRoot, 'src'), { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
  for (const file of [...files.sort(), join(packageRoot, 'package-lock.json')]) hash.update(relative(packageRoot, file)).update(await readFile(file));
  return hash.digest('hex');
}
