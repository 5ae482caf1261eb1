import type { IncomingMessage } from 'node:http';

/** The largest request body the studio reads: 8 MB (a brief is at most 4 MB; an import's export in base64 is a third larger). */
export const MAX_BODY_BYTES = 8 * 1_048_576;

/** An answer the API gives instead of going on: its status and plain words. */
export class ApiFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A request's JSON body: 415 unless it says it is JSON, 413 beyond `limit` bytes (by its
 * Content-Length, or as it arrives), 400 when it is not JSON or not an object.
 */
export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiFault(415, 'send the request as JSON (Content-Type: application/json)');
  const tooLarge = () => new ApiFault(413, `the request is larger than ${limit / 1_048_576} MB, the most the studio accepts`);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiFault(400, 'the request is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiFault(400, 'the request should be a JSON object');
  return body as Record<string, unknown>;
}
