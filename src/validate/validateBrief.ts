import type { Brief } from '../brief/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedJson } from '../load/loadJsonFile.js';
import { explainSchemaErrors } from './explainSchemaErrors.js';
import type { SchemaValidator } from './schemaValidator.js';

export type ValidationResult = { ok: true; brief: Brief } | { ok: false; diagnostics: Diagnostic[] };

/** Check a loaded brief against the schema; every problem is reported, in file order. */
export function validateBrief(loaded: LoadedJson, validator: SchemaValidator): ValidationResult {
  if (validator(loaded.data)) return { ok: true, brief: loaded.data as Brief };
  const diagnostics = explainSchemaErrors(validator.errors ?? [], loaded.file, loaded.sourceMap);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, diagnostics };
}
