/** The studio's JSON API from the browser (src/studio/api.ts): each call's status and answer. */
import type { ApiError } from '../api.js';

export interface Answer<T> {
  status: number;
  body: T;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = { message: `The studio answered ${response.status} ${response.statusText}` } satisfies ApiError;
  }
  return { status: response.status, body: parsed as T };
}

/** A file's bytes as base64, for POST /api/import. */
export function base64(file: File): Promise<string>;
/** Text (pasted) as the base64 of its UTF-8 bytes, for POST /api/import. */
export function base64(text: string): string;
export function base64(from: File | string): Promise<string> | string {
  if (typeof from === 'string') return bytesToBase64(new TextEncoder().encode(from));
  return from.arrayBuffer().then((buffer) => bytesToBase64(new Uint8Array(buffer)));
}

function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
