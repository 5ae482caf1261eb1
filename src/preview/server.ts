import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';

/** The preview is asked to listen somewhere it will not: another computer's address without --host, or a port in use. */
export class PreviewRefused extends Error {}

/** Whether a host name or address is this computer alone: localhost, 127.x.x.x or ::1 (with or without brackets). */
export function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '::ffff:127.0.0.1';
}

export interface ServerOptions {
  host: string;
  /** 0 for any free port (tests). */
  port: number;
  /** Told explicitly (--host) that an address others can reach is meant; without it only loopback is accepted. */
  exposed: boolean;
  handle: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface PreviewServer {
  /** Where the preview is, e.g. http://127.0.0.1:4321/ */
  url: string;
  port: number;
  /** Stop listening and end every connection still open (the event streams are ended first by their owner). */
  close(): Promise<void>;
}

/**
 * Listen with node:http. Throws PreviewRefused for an address other computers can reach when
 * `exposed` is not set, and for a port already in use (saying to choose another with --port).
 */
export async function startPreviewServer(options: ServerOptions): Promise<PreviewServer> {
  if (!options.exposed && !isLoopbackName(options.host)) {
    throw new PreviewRefused(
      `${options.host} is not this computer's own address (127.0.0.1): brief preview listens only where others cannot see the briefs, unless told with --host`,
    );
  }
  const server = createServer(options.handle);
  await new Promise<void>((listening, failed) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        failed(
          new PreviewRefused(
            `port ${options.port} on ${options.host} is already in use (another brief preview?): choose another with --port, e.g. --port ${options.port + 1}`,
          ),
        );
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        failed(new PreviewRefused(`${options.host} is not an address of this computer: leave --host out to use 127.0.0.1`));
      else if (error.code === 'EACCES') failed(new PreviewRefused(`port ${options.port} needs special permission: choose one above 1023 with --port`));
      else failed(error);
    });
    server.listen(options.port, options.host, () => listening());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        // Pages kept open (keep-alive) would otherwise hold the server open for seconds.
        server.closeAllConnections();
      }),
  };
}
