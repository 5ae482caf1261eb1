import { allEntries, briefContents } from '../brief/stats.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { readBrief } from '../pipeline/readBrief.js';
import { briefSchemaPath } from '../paths.js';
import { compileSchema } from '../validate/schemaValidator.js';
import { briefFiles } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';

/** `brief validate [paths...]`: check briefs against the schema, report every problem. Returns the exit code. */
export async function validateCommand(paths: string[], out: Output): Promise<number> {
  const files = await briefFiles(paths);
  if (files.length === 0) {
    out.error('no brief files (.json) found to check');
    return 1;
  }
  const validator = compileSchema(briefSchemaPath);
  let failed = 0;
  for (const file of files) {
    const result = await readBrief(file, validator);
    if (result.ok) {
      const headings = briefContents(result.brief).length;
      const entries = allEntries(result.brief).length;
      out.info(`${file.file}: valid (${plural(headings, 'contents heading')}, ${plural(entries, 'entry', 'entries')})`);
    } else {
      failed++;
      for (const diagnostic of result.diagnostics) out.info(formatDiagnostic(diagnostic));
      out.info(`${file.file}: ${plural(result.diagnostics.length, 'problem')}`);
    }
  }
  if (files.length > 1) {
    out.info(`${files.length} briefs checked: ${files.length - failed} valid, ${failed} with problems`);
  }
  return failed > 0 ? 1 : 0;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
