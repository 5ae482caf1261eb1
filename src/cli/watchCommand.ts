import { join, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { packageRoot } from '../paths.js';
import { watchBriefs } from '../watch/watchBriefs.js';
import { briefPath, NoBriefsFolderError } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import type { Format } from '../pipeline/formats.js';

/**
 * `brief watch [paths...]`: build the briefs named (files or folders of briefs, as brief build
 * takes them; default every brief in briefs/), then rebuild on every save until Ctrl-C; in the
 * formats `format` names (--format), else each theme's.
 * Resolves to the exit code.
 */
export async function watchCommand(paths: string[], options: { output: string; format?: Format[] }, out: Output): Promise<number> {
  const briefsDir = resolve('briefs');
  if (
    paths.length === 0 &&
    !(await stat(briefsDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new NoBriefsFolderError(`there is no briefs/ folder in ${process.cwd()}: run brief watch in the project folder, or name the briefs to watch`);
  }
  const briefs = paths.length === 0 ? [briefsDir] : await Promise.all(paths.map((path) => briefPath(path)));
  // Listen for Ctrl-C before anything else, so that it is never met by Node's default (an abrupt exit).
  const stopped = new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const watching = watchBriefs({
    briefsDir,
    briefs,
    templatesRoot: join(packageRoot, 'templates'),
    schemaRoot: join(packageRoot, 'schema'),
    outputDir: resolve(options.output),
    formats: options.format,
    out,
  });
  await Promise.race([watching.ready, stopped]);
  await stopped;
  out.info('stopping: finishing the build under way, if any');
  await watching.close();
  out.info('stopped watching');
  return 0;
}
