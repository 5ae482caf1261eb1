import { resolve } from 'node:path';
import { planImport } from '../authoring/importReferences.js';
import { readReferences, ReferenceFormatError } from '../authoring/references.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { buildSourceMap } from '../load/sourceMap.js';
import { writeOutput } from '../output/writeOutput.js';
import { briefSchemaPath } from '../paths.js';
import { readBrief } from '../pipeline/readBrief.js';
import { compileSchema } from '../validate/schemaValidator.js';
import { validateBrief } from '../validate/validateBrief.js';
import type { Output } from '../pipeline/output.js';

/** `brief import <file> --into <brief> --section "<heading>"`: one entry per reference, repeats skipped. */
export async function importCommand(referencesPath: string, options: { into: string; section: string; dryRun?: boolean }, out: Output): Promise<number> {
  const validator = compileSchema(briefSchemaPath);
  const briefPath = resolve(options.into);
  const file = displayPath(briefPath);
  const read = await readBrief({ path: briefPath, file }, validator);
  if (!read.ok) {
    for (const d of read.diagnostics) out.info(formatDiagnostic(d));
    out.info(`${file}: fix these first; nothing was imported`);
    return 1;
  }
  let references: Awaited<ReturnType<typeof readReferences>>;
  try {
    references = await readReferences(resolve(referencesPath));
  } catch (error) {
    if (error instanceof ReferenceFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      out.error((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${referencesPath}: no such file` : (error as Error).message);
      return 1;
    }
    throw error;
  }
  const plan = planImport(read.brief, references.items, options.section);
  for (const entry of plan.added)
    out.info(`${options.dryRun ? 'would add' : 'added'}: ${entry.title} (${[entry.date, entry.source].filter(Boolean).join(', ')})`);
  for (const skip of plan.skipped) out.info(`skipped: ${skip.title}: ${skip.why}`);
  const where = `"${options.section}"${plan.sectionCreated ? ' (a new section at the end)' : ''}`;
  out.info(
    `${references.items.length} ${references.format} record${references.items.length === 1 ? '' : 's'}: ${plan.added.length} ${options.dryRun ? 'would be added' : 'added'} to ${where}, ${plan.skipped.length} skipped`,
  );
  if (options.dryRun || plan.added.length === 0) return 0;

  // The brief keeps its key order (JSON.parse keeps it); it must still be valid before it replaces the old one.
  const text = `${JSON.stringify(plan.brief, null, 2)}\n`;
  const checked = validateBrief({ file, text, data: plan.brief, sourceMap: buildSourceMap(text) }, validator);
  if (!checked.ok) {
    for (const d of checked.diagnostics) out.info(formatDiagnostic(d));
    out.info(`${file}: the imported entries would make it invalid, so it was left as it was`);
    return 1;
  }
  await writeOutput(briefPath, Buffer.from(text));
  out.info(`wrote ${file}`);
  return 0;
}
