import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0 (ab12cd34)": the version, and the id of this build of the program (a hash of its
 * bundles, written by scripts/bundle.mjs), so that a changed program rebuilds every brief even
 * when nobody remembered to change the version.
 */
export async function programVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const buildId = (await readFile(join(packageRoot, 'dist', 'build-id'), 'utf8')).trim();
  return `brief ${version} (${buildId.slice(0, 8)})`;
}
