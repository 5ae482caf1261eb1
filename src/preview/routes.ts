import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGE_SCRIPT, STYLE_SHEET } from './assets.js';
import type { BriefStatuses } from './briefStatus.js';
import { documentsOf, isDocumentExtension, sendDocument, servableDocument } from './documents.js';
import type { EventStreams } from './events.js';
import { briefPage, listPage, notFoundPage } from './pages.js';
import { isLoopbackName } from './server.js';

export interface RouteContext {
  statuses: BriefStatuses;
  events: EventStreams;
  outputDir: string;
  /** Served on an address others can reach (--host): requests naming any host are answered. */
  exposed: boolean;
  /** Whether the first builds are done (the list says so while they are not). */
  ready: () => boolean;
  /** brief studio: its editor pages and JSON API (src/studio/server/), asked first; it answers or leaves the request to the preview. */
  studio?: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<boolean>;
}

// The preview's own pages may load only its own style sheet, script, event stream and documents.
export const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// A brief's web page runs no script at all, and may be framed only by the preview.
const DOCUMENT_POLICY = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * The preview's request handler. It serves only: `/` (the list), `/briefs/<name>` (a brief's page),
 * `/output/<name>.html|.pdf|.docx` (a watched brief's documents), `/events`, `/preview.css` and
 * `/preview.js`. Every address is matched whole, and a name is looked up among the briefs watched,
 * never joined to a folder: anything else (`..`, encoded or not, absolute paths, other files) is 404.
 */
export function previewRoutes(context: RouteContext): (request: IncomingMessage, response: ServerResponse) => void {
  const answer = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': PAGE_POLICY,
      ...headers,
    });
    response.end(body);
  };
  const html = (response: ServerResponse, status: number, body: string) => answer(response, status, 'text/html', body);
  const notFound = (response: ServerResponse) => html(response, 404, notFoundPage());

  return (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) html(response, 500, notFoundPage());
      else response.destroy();
    });
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A web page elsewhere could point a name of its own at 127.0.0.1 (DNS rebinding) and read the
    // briefs through the visitor's browser: only requests to this computer's own names are answered.
    if (!context.exposed && !isLoopbackName(hostOf(request.headers.host)))
      return answer(response, 403, 'text/plain', 'Open the preview at 127.0.0.1 or localhost\n');
    const sent = request.url ?? '/';
    let path: string;
    try {
      path = new URL(sent, 'http://preview.invalid').pathname;
    } catch {
      return notFound(response);
    }
    // A browser sends addresses already tidied: one that "." or ".." segments (even encoded) or
    // backslashes would change was made by hand, and is answered as no address at all.
    if (path !== sent.replace(/[?#].*$/s, '')) return notFound(response);
    if (context.studio && (await context.studio(request, response, path))) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'text/plain', 'Only GET and HEAD\n', { Allow: 'GET, HEAD' });
    if (path === '/') {
      const statuses = context.statuses.all();
      const documents = new Map(await Promise.all(statuses.map(async (s) => [s.name, await documentsOf(context.outputDir, s.name)] as const)));
      return html(response, 200, listPage(statuses, documents, { ready: context.ready(), exposed: context.exposed, studio: context.studio !== undefined }));
    }
    if (path === '/preview.css') return answer(response, 200, 'text/css', STYLE_SHEET);
    if (path === '/preview.js') return answer(response, 200, 'text/javascript', PAGE_SCRIPT);
    if (path === '/events') return context.events.attach(request, response);
    const brief = /^\/briefs\/([^/]+)$/.exec(path);
    if (brief) {
      const status = context.statuses.get(decoded(brief[1] as string) ?? '');
      if (!status) return notFound(response);
      return html(response, 200, briefPage(status, await documentsOf(context.outputDir, status.name), { studio: context.studio !== undefined }));
    }
    const document = /^\/output\/([^/]+)$/.exec(path);
    const file = document && /^(.+)\.([a-z]+)$/.exec(decoded(document[1] as string) ?? '');
    if (file && isDocumentExtension(file[2] as string) && context.statuses.get(file[1] as string)) {
      const extension = file[2] as 'html' | 'pdf' | 'docx';
      const real = await servableDocument(context.outputDir, file[1] as string, extension);
      if (!real) return notFound(response);
      return sendDocument(request, response, real, extension === 'html' ? { 'Content-Security-Policy': DOCUMENT_POLICY } : {}, () =>
        response.headersSent ? response.destroy() : notFound(response),
      );
    }
    return notFound(response);
  }
}

/** A URL's piece decoded, or undefined if it is not valid percent-encoding. */
function decoded(piece: string): string | undefined {
  try {
    return decodeURIComponent(piece);
  } catch {
    return undefined;
  }
}

/** The host name of a Host header ("127.0.0.1:4321", "[::1]:4321", "localhost"), without its port. */
function hostOf(header: string | undefined): string {
  if (!header) return '';
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return '';
  }
}
