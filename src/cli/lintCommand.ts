import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { lintBrief } from '../lint/lintBrief.js';
import { readBrief } from '../pipeline/readBrief.js';
import { briefSchemaPath } from '../paths.js';
import { compileSchema } from '../validate/schemaValidator.js';
import { briefFiles } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';

/** `brief lint [paths...]`: what a careful editor would point out. Warnings exit 0; with --strict, 1. An invalid brief is 1. */
export async function lintCommand(paths: string[], options: { strict?: boolean }, out: Output): Promise<number> {
  const files = await briefFiles(paths);
  const validator = compileSchema(briefSchemaPath);
  let warnings = 0;
  let invalid = 0;
  for (const file of files) {
    const read = await readBrief(file, validator);
    if (!read.ok) {
      invalid++;
      for (const d of read.diagnostics) out.info(formatDiagnostic(d));
      out.info(`${file.file}: not checked further until it is valid`);
      continue;
    }
    const found = lintBrief(read.brief, read.loaded);
    warnings += found.length;
    for (const d of found) out.info(formatDiagnostic(d));
    out.info(`${file.file}: ${found.length === 0 ? 'no warnings' : `${found.length} warning${found.length === 1 ? '' : 's'}`}`);
  }
  return invalid > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
