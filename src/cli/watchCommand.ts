import { join, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { packageRoot } from '../paths.js';
import { watchBriefs } from '../watch/watchBriefs.js';
import { NoBriefsFolderError } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';

/** `brief watch`: build every brief, then rebuild on every save until Ctrl-C. Resolves to the exit code. */
export async function watchCommand(options: { output: string }, out: Output): Promise<number> {
  const briefsDir = resolve('briefs');
  if (
    !(await stat(briefsDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new NoBriefsFolderError(`there is no briefs/ folder in ${process.cwd()}: run brief watch in the project folder`);
  }
  // Listen for Ctrl-C before anything else, so that it is never met by Node's default (an abrupt exit).
  const stopped = new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const watching = watchBriefs({
    briefsDir,
    templatesRoot: join(packageRoot, 'templates'),
    schemaRoot: join(packageRoot, 'schema'),
    outputDir: resolve(options.output),
    out,
  });
  await Promise.race([watching.ready, stopped]);
  await stopped;
  out.info('stopping: finishing the build under way, if any');
  await watching.close();
  out.info('stopped watching');
  return 0;
}
