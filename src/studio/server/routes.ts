import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import send from 'send';
import { type ApiContext, studioApi } from './api.js';
import { editorPage, NEW_BRIEF_ADDRESS, newBriefPage } from './editorPage.js';

export interface StudioContext extends ApiContext {
  /** The front end's bundle: app.js and app.css (dist/studio/, made by npm run build). */
  appDir: string;
  /** The Content-Security-Policy of the preview's own pages, which the editor page keeps to too. */
  pagePolicy: string;
}

/** What the preview's routes ask of the studio: answer a request (true), or leave it to the preview (false). */
export type StudioHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean>;

const APP_FILES = new Set(['app.js', 'app.css']);

/**
 * The studio's routes, mounted in the preview's (src/preview/routes.ts), after its host check:
 * `/studio/<name>` (the editor page), `/studio/` (the New brief page), `/studio/app.js` and `/studio/app.css` (the front end's
 * bundle, from dist/studio/), and `/api/...` (api.ts). Anything else is left to the preview.
 */
export function studioRoutes(context: StudioContext): StudioHandler {
  const api = studioApi(context);
  return async (request, response, path) => {
    if (await api.handle(request, response, path)) return true;
    const studio = /^\/studio\/([^/]*)$/.exec(path);
    if (!studio) return false;
    const piece = studio[1] as string;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
      response.end('Only GET and HEAD\n');
      return true;
    }
    const page = (body: string): true => {
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': context.pagePolicy,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    };
    if (path === NEW_BRIEF_ADDRESS) return page(newBriefPage());
    if (APP_FILES.has(piece)) {
      send(request, `/${piece}`, { root: context.appDir, dotfiles: 'deny', index: false, cacheControl: false })
        .on('headers', (res: ServerResponse) => {
          res.setHeader('Cache-Control', 'no-cache');
          res.setHeader('X-Content-Type-Options', 'nosniff');
        })
        .on('error', (error: { status?: number }) => {
          if (response.headersSent) return response.destroy();
          const status = error.status ?? 500;
          response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end(status === 404 ? 'The studio has not been built: run npm run build\n' : 'Cannot read the studio\n');
        })
        .pipe(response);
      return true;
    }
    let name: string | undefined;
    try {
      name = decodeURIComponent(piece);
    } catch {
      name = undefined;
    }
    if (name === undefined || !api.knows(name)) return false; // the preview's 404 page
    return page(editorPage(name));
  };
}

export const defaultAppDir = (packageRoot: string) => join(packageRoot, 'dist', 'studio');
