import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary files that brief writes beside a document: "<name>.brief-<process>-<n>.tmp" (a new
 * file being written) and "….old" (a previous one kept until its set is replaced), and
 * "<name>.<number>", as write-file-atomic named them in earlier versions of brief.
 */
const TEMPORARY = /\.(pdf|docx|html|json)\.(brief-\d+-\d+\.(tmp|old)|\d+)$/;

/**
 * Remove the temporary files a stopped run (a build or a watcher) left in `folder`. Only the
 * holder of the folder's lock may call this: no other process can be writing there then, so
 * every such file is stray. Returns how many were removed.
 */
export async function removeStrayTemporaries(folder: string): Promise<number> {
  const stray = (await readdir(folder)).filter((name) => TEMPORARY.test(name));
  for (const name of stray) await rm(join(folder, name), { force: true });
  return stray.length;
}
