import type { Brief } from '../brief/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadJsonFile, type LoadedJson } from '../load/loadJsonFile.js';
import { validateBrief } from '../validate/validateBrief.js';
import type { SchemaValidator } from '../validate/schemaValidator.js';
import type { BriefFile } from './briefFiles.js';

export type ReadResult = { ok: true; brief: Brief; loaded: LoadedJson } | { ok: false; diagnostics: Diagnostic[] };

/** The first two stages, load and validate: a brief file in, a typed Brief (and its text, for locating things in it) or its problems out. */
export async function readBrief(briefFile: BriefFile, validator: SchemaValidator): Promise<ReadResult> {
  const loaded = await loadJsonFile(briefFile.path, briefFile.file);
  if (!loaded.ok) return loaded;
  const validated = validateBrief(loaded.loaded, validator);
  return validated.ok ? { ...validated, loaded: loaded.loaded } : validated;
}
