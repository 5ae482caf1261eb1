import { join, resolve } from 'node:path';
import { packageRoot } from '../paths.js';
import { watchBriefs } from '../watch/watchBriefs.js';
import type { Output } from '../pipeline/output.js';
import { untilStopped, watchedBriefs } from './watchedBriefs.js';
import type { Format } from '../pipeline/formats.js';

/**
 * `brief watch [paths...]`: build the briefs named (files or folders of briefs, as brief build
 * takes them; default every brief in briefs/), then rebuild on every save until Ctrl-C; in the
 * formats `format` names (--format), else each theme's.
 * Resolves to the exit code.
 */
export async function watchCommand(paths: string[], options: { output: string; format?: Format[] }, out: Output): Promise<number> {
  const { briefsDir, briefs } = await watchedBriefs(paths, 'brief watch');
  const stopped = untilStopped();
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
