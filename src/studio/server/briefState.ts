import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Brief } from '../../brief/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { lintBrief } from '../../lint/lintBrief.js';
import { buildSourceMap } from '../../load/sourceMap.js';
import { readBrief } from '../../pipeline/readBrief.js';
import type { SchemaValidator } from '../../validate/schemaValidator.js';
import { validateBrief } from '../../validate/validateBrief.js';
import type { ApiDiagnostic } from '../api.js';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A diagnostic as the API gives it: the fields of src/diagnostics/diagnostic.ts, nothing else. */
function forApi(d: Diagnostic): ApiDiagnostic {
  return {
    file: d.file,
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
    pointer: d.pointer,
    message: d.message,
    ...(d.severity ? { severity: d.severity } : {}),
  };
}

export interface Checked {
  problems: ApiDiagnostic[];
  warnings: ApiDiagnostic[];
}

/** A brief file as it is on disk: its bytes' version, text, parsed JSON, and the CLI's problems (validate) and warnings (lint). */
export async function currentBrief(
  path: string,
  file: string,
  validator: SchemaValidator,
): Promise<{ version: string; text: string; brief: Brief | null } & Checked> {
  for (let attempt = 0; ; attempt++) {
    const bytes = await readFile(path);
    const version = sha256(bytes);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    let brief: Brief | null = null;
    try {
      brief = JSON.parse(text) as Brief;
    } catch {
      brief = null;
    }
    // readBrief reads the file again: the same words as brief validate, for these same bytes (unless it was saved meanwhile: then again).
    const read = await readBrief({ path, file }, validator);
    if (read.ok && read.loaded.sha256 !== version && attempt < 3) continue;
    if (!read.ok) return { version, text, brief, problems: read.diagnostics.map(forApi), warnings: [] };
    return { version, text, brief, problems: [], warnings: lintBrief(read.brief, read.loaded).map(forApi) };
  }
}

/** The problems and warnings of a brief's text as the studio writes it (JSON.stringify's: valid JSON, no property twice). */
export function checkText(text: string, file: string, validator: SchemaValidator): Checked {
  const loaded = { file, text, data: JSON.parse(text) as unknown, sourceMap: buildSourceMap(text) };
  const validated = validateBrief(loaded, validator);
  if (!validated.ok) return { problems: validated.diagnostics.map(forApi), warnings: [] };
  return { problems: [], warnings: lintBrief(validated.brief, loaded).map(forApi) };
}
