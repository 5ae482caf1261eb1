import { join, resolve } from 'node:path';
import { packageRoot } from '../paths.js';
import type { Format } from '../pipeline/formats.js';
import type { Output } from '../pipeline/output.js';
import { untilStopped, watchedBriefs } from './watchedBriefs.js';
import { startPreview } from '../preview/preview.js';
import { isLoopbackName, PreviewRefused } from '../preview/server.js';

export interface PreviewCommandOptions {
  output: string;
  port: number;
  /** Given only when typed: any address, even this computer's own, counts as told. */
  host?: string;
  /** The documents to make (--format); without it, each brief's theme says. */
  format?: Format[];
}

/**
 * `brief preview [paths...] [--port N] [--host H] [--format F]`: brief watch, plus a web page per brief at
 * http://127.0.0.1:<port>/ that reloads after each build, until Ctrl-C. Resolves to the exit code:
 * 0 when stopped, 2 when the port or address cannot be used; LockHeldError and NoBriefsFolderError
 * are thrown for main to report (exit 3 and 2).
 */
export async function previewCommand(paths: string[], options: PreviewCommandOptions, out: Output): Promise<number> {
  const { briefsDir, briefs } = await watchedBriefs(paths, 'brief preview');
  const stopped = untilStopped();
  const host = options.host ?? '127.0.0.1';
  const exposed = options.host !== undefined && !isLoopbackName(host);
  let previewing: Awaited<ReturnType<typeof startPreview>>;
  try {
    previewing = await startPreview({
      briefsDir,
      briefs,
      templatesRoot: join(packageRoot, 'templates'),
      schemaRoot: join(packageRoot, 'schema'),
      outputDir: resolve(options.output),
      out,
      host,
      port: options.port,
      exposed,
      formats: options.format,
    });
  } catch (error) {
    if (!(error instanceof PreviewRefused)) throw error;
    out.error(error.message);
    return 2;
  }
  out.info(`preview: open ${previewing.url} in your browser (${exposed ? 'other computers on the network can see it too' : 'only this computer can see it'})`);
  if (exposed) out.error(`warning: listening on ${host}: anyone on the network who can reach this computer can read the briefs and their documents`);
  try {
    await Promise.race([previewing.ready, stopped]);
  } catch (error) {
    // The watcher could not start (another build holds the output folder): stop serving, then say why.
    await previewing.close();
    throw error;
  }
  await stopped;
  out.info('stopping: finishing the build under way, if any');
  await previewing.close();
  out.info('stopped the preview');
  return 0;
}
