import { join, relative, resolve } from 'node:path';
import { packageRoot } from '../paths.js';
import { briefPath, NoBriefsFolderError } from '../pipeline/briefFiles.js';
import type { Format } from '../pipeline/formats.js';
import type { Output } from '../pipeline/output.js';
import { hasBriefsFolder, untilStopped } from './watchedBriefs.js';
import { startPreview } from '../preview/preview.js';
import { PreviewRefused } from '../preview/server.js';
import { defaultAppDir } from '../studio/server/routes.js';

export interface StudioCommandOptions {
  output: string;
  port: number;
  format?: Format[];
}

/**
 * `brief studio [paths...] [--port N]`: brief preview (on 127.0.0.1 only), plus an editor page per
 * brief and the studio's JSON API (src/studio/server/). It always watches briefs/, where the studio
 * creates new briefs, and any brief named outside it. Resolves to the exit code as previewCommand does.
 */
export async function studioCommand(paths: string[], options: StudioCommandOptions, out: Output): Promise<number> {
  const briefsDir = resolve('briefs');
  if (!(await hasBriefsFolder(briefsDir)))
    throw new NoBriefsFolderError(`there is no briefs/ folder in ${process.cwd()}: run brief studio in the project folder`);
  const named = await Promise.all(paths.map((path) => briefPath(path)));
  const outside = named.filter((path) => relative(briefsDir, path).startsWith('..'));
  const stopped = untilStopped();
  let studio: Awaited<ReturnType<typeof startPreview>>;
  try {
    studio = await startPreview({
      briefsDir,
      briefs: [briefsDir, ...outside],
      templatesRoot: join(packageRoot, 'templates'),
      schemaRoot: join(packageRoot, 'schema'),
      outputDir: resolve(options.output),
      out,
      host: '127.0.0.1',
      port: options.port,
      formats: options.format,
      studio: {
        briefsDir,
        templatesRoot: join(packageRoot, 'templates'),
        schemaPath: join(packageRoot, 'schema', 'brief.schema.json'),
        appDir: defaultAppDir(packageRoot),
      },
    });
  } catch (error) {
    if (!(error instanceof PreviewRefused)) throw error;
    out.error(error.message);
    return 2;
  }
  out.info(`studio: open ${studio.url} in your browser (only this computer can see it)`);
  try {
    await Promise.race([studio.ready, stopped]);
  } catch (error) {
    await studio.close();
    throw error;
  }
  await stopped;
  out.info('stopping: finishing the build under way, if any');
  await studio.close();
  out.info('stopped the studio');
  return 0;
}
