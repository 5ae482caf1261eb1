import { loadJsonFile } from '../load/loadJsonFile.js';
import { validateBrief, type ValidationResult } from '../validate/validateBrief.js';
import type { SchemaValidator } from '../validate/schemaValidator.js';
import type { BriefFile } from '../cli/briefFiles.js';

/** The first two stages, load and validate: a brief file in, a typed Brief or its problems out. */
export async function readBrief(briefFile: BriefFile, validator: SchemaValidator): Promise<ValidationResult> {
  const loaded = await loadJsonFile(briefFile.path, briefFile.file);
  if (!loaded.ok) return loaded;
  return validateBrief(loaded.loaded, validator);
}
