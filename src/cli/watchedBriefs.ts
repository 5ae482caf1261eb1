import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { briefPath, NoBriefsFolderError } from '../pipeline/briefFiles.js';

/**
 * What `brief watch` and `brief preview` watch: the briefs named (files or folders, ".json"
 * optional, as `brief build` takes them), or else the briefs/ folder. Absolute paths; `briefsDir`
 * is briefs/ in the working folder. Throws NoBriefsFolderError, naming `command`, when nothing
 * is named and there is no briefs/ folder.
 */
export async function watchedBriefs(paths: readonly string[], command: string): Promise<{ briefsDir: string; briefs: string[] }> {
  const briefsDir = resolve('briefs');
  if (paths.length === 0 && !(await hasBriefsFolder(briefsDir)))
    throw new NoBriefsFolderError(
      `there is no briefs/ folder in ${process.cwd()}: run ${command} in the project folder, or name the briefs to ${command.split(' ')[1]}`,
    );
  return { briefsDir, briefs: paths.length === 0 ? [briefsDir] : await Promise.all(paths.map((path) => briefPath(path))) };
}

/** Whether `path` is a folder. */
export function hasBriefsFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Resolves on Ctrl-C (SIGINT) or SIGTERM. Call it before anything else starts, so that a stop
 * is never met by Node's default (an abrupt exit that would leave the lock and the temporaries).
 */
export function untilStopped(): Promise<void> {
  return new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
