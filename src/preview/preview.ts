import { resolve } from 'node:path';
import type { BuildResult } from '../pipeline/buildBrief.js';
import { type WatchOptions, watchBriefs } from '../watch/watchBriefs.js';
import { BriefStatuses, briefName } from './briefStatus.js';
import { EventStreams } from './events.js';
import { PAGE_POLICY, previewRoutes } from './routes.js';
import { startPreviewServer } from './server.js';
import { studioRoutes, type StudioContext } from '../studio/server/routes.js';

export interface PreviewOptions extends WatchOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4321; 0 for any free port. */
  port?: number;
  /** Listening where other computers can reach it was asked for explicitly (--host). */
  exposed?: boolean;
  /** brief studio: its editor pages and JSON API too (the briefs it may create, templates, schema and front-end bundle). */
  studio?: Omit<StudioContext, 'briefFile' | 'pagePolicy'>;
}

export interface Previewing {
  /** Where to open it, e.g. http://127.0.0.1:4321/ */
  url: string;
  /** Resolves once every brief has had its first build and saves are watched; rejects as watchBriefs' does (e.g. LockHeldError). */
  ready: Promise<void>;
  /** Resolves once nothing is waiting to be built. */
  idle(): Promise<void>;
  /** End the pages' event streams, stop the server, then stop watching (after the build under way) and free the output folder. */
  close(): Promise<void>;
}

/**
 * `brief preview`: brief watch, plus a web server showing each brief's documents, warnings and
 * problems, whose pages reload after each build. The server listens before the watcher takes the
 * output folder's lock, so a port in use is said before anything is built.
 * Throws PreviewRefused (server.ts) for a port in use or an address others can reach without `exposed`.
 */
export async function startPreview(options: PreviewOptions): Promise<Previewing> {
  const statuses = new BriefStatuses();
  const events = new EventStreams();
  let ready = false;
  const server = await startPreviewServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 4321,
    exposed: options.exposed ?? false,
    handle: previewRoutes({
      statuses,
      events,
      outputDir: resolve(options.outputDir),
      exposed: options.exposed ?? false,
      ready: () => ready,
      studio: options.studio ? studioRoutes({ ...options.studio, briefFile: (name) => statuses.get(name)?.path, pagePolicy: PAGE_POLICY }) : undefined,
    }),
  });
  const watching = watchBriefs({
    ...options,
    onBuilt: (briefPath: string, result: BuildResult) => {
      const status = statuses.built(briefPath, result);
      events.send({ type: 'built', brief: status.name, ok: status.ok });
      options.onBuilt?.(briefPath, result);
    },
    onDeleted: (briefPath: string) => {
      statuses.deleted(briefPath);
      events.send({ type: 'deleted', brief: briefName(briefPath) });
      options.onDeleted?.(briefPath);
    },
  });
  watching.ready.then(
    () => {
      ready = true;
    },
    () => undefined,
  );
  return {
    url: server.url,
    ready: watching.ready,
    idle: () => watching.idle(),
    close: async () => {
      events.close();
      await server.close();
      await watching.close();
    },
  };
}
