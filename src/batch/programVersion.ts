import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0 (ab12cd34)": the version, and a hash of the bundled program itself, so that a
 * changed program rebuilds every brief even when nobody remembered to change the version.
 */
export async function programVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const dist = join(packageRoot, 'dist');
  const hash = createHash('sha256');
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.cjs')).sort();
  for (const file of files) hash.update(file).update(await readFile(join(dist, file)));
  return `brief ${version} (${hash.digest('hex').slice(0, 8)})`;
}
