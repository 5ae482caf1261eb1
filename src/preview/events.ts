import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the preview's pages are told: a brief was built (well or not), or deleted. */
export interface PreviewEvent {
  type: 'built' | 'deleted';
  brief: string;
  ok?: boolean;
}

/**
 * The pages' event stream (server-sent events, /events): each open page holds one response open
 * and is sent a line per build, on which it reloads. The browser's EventSource reconnects by itself.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  /** Answer a request for the stream: the response stays open until the page goes or close() is called. */
  attach(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    // A page whose stream broke (the preview restarted) tries again after a second, not EventSource's usual three.
    response.write('retry: 1000\n\n');
    this.open.add(response);
    request.on('close', () => this.open.delete(response));
  }

  send(event: PreviewEvent): void {
    const text = `event: ${event.type}\ndata: ${JSON.stringify({ brief: event.brief, ok: event.ok })}\n\n`;
    for (const response of this.open) response.write(text);
  }

  /** How many pages are listening (for tests). */
  get size(): number {
    return this.open.size;
  }

  /** End every stream: the server can then close. */
  close(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }
}
