import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { explainSyntaxError } from './jsonSyntax.js';
import { mapJson, type SourceMap } from './sourceMap.js';
import { positionAt } from './textPosition.js';

/** A JSON file read and parsed, with the place of every value in it. */
export interface LoadedJson {
  /** The file's name as shown in messages. */
  file: string;
  text: string;
  data: unknown;
  /** Where each value is (made while checking for properties written twice, so always there). */
  sourceMap: SourceMap;
  /** sha256 of the bytes read (when read from a file): what a build was made from, even if the file is saved again meanwhile. */
  sha256?: string;
}

export type LoadResult = { ok: true; loaded: LoadedJson } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Read `path` as UTF-8 JSON. A byte order mark and CRLF line ends are fine;
 * anything else that stops it being read becomes a located diagnostic, never an exception.
 */
export async function loadJsonFile(path: string, file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fail({ file, message: describeReadError(error) });
  }
  if (bytes.length > MAX_BYTES) {
    const mb = (n: number) => `${(n / 1_048_576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
    return fail({
      file,
      message: `the file is ${mb(bytes.length)}: a brief is at most ${mb(MAX_BYTES)}, some forty times the January 2021 brief; split it into two briefs (or is this the right file?)`,
    });
  }
  if (!isUtf8(bytes)) {
    return fail({ file, ...firstNonUtf8(bytes), message: 'the file is not UTF-8 text: save it with UTF-8 encoding (the bytes here are not UTF-8)' });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return fail({ file, line: 1, column: 1, message: 'the file is empty: a brief is a JSON object, starting with {' });
  }
  const tooDeep = nestingBeyond(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    return fail({
      file,
      ...positionAt(text, tooDeep),
      message: `the JSON is nested more than ${MAX_DEPTH} levels deep here: a brief never needs that many; is a bracket left open?`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const problem = explainSyntaxError(text, error as Error);
    return fail({ file, line: problem.line, column: problem.column, message: `JSON syntax: ${problem.message}` });
  }
  // The source map costs a few milliseconds; made now, it also finds properties written twice.
  const { map, duplicates } = mapJson(text);
  if (duplicates.length > 0) {
    return {
      ok: false,
      diagnostics: duplicates.map((d) => ({
        file,
        ...d.again,
        pointer: d.pointer,
        message: `"${d.name}" is written twice in the same object (first at line ${d.first.line}): JSON would quietly keep only the last; remove one`,
      })),
    };
  }
  return { ok: true, loaded: { file, text, data, sourceMap: map, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/**
 * The largest brief, in bytes: refused at once, before the slow work. The largest briefs within
 * it build in well under the build worker's 2,048 MB (WORKER_MEMORY_MB): 4.8 MB of the 2021
 * brief's entries took 1.1 GB and 20 s (docs/performance.md).
 */
export const MAX_BYTES = 4 * 1_048_576;
/** Deeper than any brief (about 8): refused before a parser can run out of stack on it. */
const MAX_DEPTH = 64;

/** The offset where brackets first nest deeper than `limit`, ignoring brackets inside strings. */
function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

function fail(diagnostic: Omit<Diagnostic, 'pointer'>): LoadResult {
  return { ok: false, diagnostics: [{ pointer: '', ...diagnostic }] };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file: check the name and folder';
    case 'EISDIR':
      return 'this is a folder, not a brief file';
    case 'EACCES':
    case 'EPERM':
      return 'the file cannot be read: permission denied';
    default:
      return `the file cannot be read (${code ?? (error as Error).message})`;
  }
}

/** Line and column of the first line holding bytes that are not UTF-8. */
function firstNonUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    const lineBytes = bytes.subarray(start, end);
    if (!isUtf8(lineBytes)) {
      const column = lineBytes.toString('utf8').indexOf('\uFFFD') + 1;
      return { line, column: Math.max(column, 1) };
    }
    line++;
    start = end + 1;
  }
  return { line: 1, column: 1 };
}
