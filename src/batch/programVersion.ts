import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { programId } from '../engine/programId.js';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0 (ab12cd34)": the version, and the id of the code that builds (programId.ts; the
 * manifest keeps it, so that changed code rebuilds every brief even when nobody changed the version).
 */
export async function programVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return `brief ${version} (${programId().slice(0, 8)})`;
}
