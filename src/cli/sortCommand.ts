import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { reorderArrays } from '../authoring/reorderJson.js';
import { planSort, type NamedEntry } from '../authoring/sortEntries.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { writeOutput } from '../output/writeOutput.js';
import { briefSchemaPath } from '../paths.js';
import { briefFiles } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import { readBrief } from '../pipeline/readBrief.js';
import { compileSchema } from '../validate/schemaValidator.js';

/**
 * `brief sort [paths...] [--dry-run]`: put each section's and subsection's entries newest first
 * (src/authoring/sortEntries.ts says how), saying what moved, and save the brief with only the
 * moved entries changed. An invalid brief is refused with its problems. Exit 0, or 1 when a
 * brief was invalid or could not be saved.
 */
export async function sortCommand(paths: string[], options: { dryRun?: boolean }, out: Output): Promise<number> {
  const files = await briefFiles(paths);
  if (files.length === 0) {
    out.error('no brief files (.json) found to sort');
    return 1;
  }
  const validator = compileSchema(briefSchemaPath);
  let failed = 0;
  for (const file of files) {
    const read = await readBrief(file, validator);
    if (!read.ok) {
      failed++;
      for (const d of read.diagnostics) out.info(formatDiagnostic(d));
      out.info(`${file.file}: not sorted: fix these problems first`);
      continue;
    }
    const plan = planSort(read.brief);
    for (const move of plan.moves) {
      out.info(`${file.file}: ${move.where}: ${options.dryRun ? 'would move' : 'moved'} ${shown(move.entry)} ${move.place} ${shown(move.other)}`);
    }
    for (const pair of plan.acrossNotes) {
      out.info(
        `${file.file}: ${pair.where}: ${shown(pair.newer)} comes after ${shown(pair.older)} with a note between them; brief sort does not move entries past a note: move them by hand if they belong together`,
      );
    }
    const moved = plan.moves.length;
    if (moved === 0) {
      out.info(`${file.file}: already newest first`);
      continue;
    }
    const entries = `${moved} ${moved === 1 ? 'entry' : 'entries'}`;
    if (options.dryRun) {
      out.info(`${file.file}: ${entries} would move; nothing was changed (--dry-run)`);
      continue;
    }
    const text = reorderArrays(read.loaded.text, plan.orders);
    // The text must say exactly what the sorted brief is: anything else is a fault in brief, and nothing is written.
    if (!isDeepStrictEqual(JSON.parse(text), plan.brief)) throw new Error(`sorting ${file.file} gave text that is not the sorted brief`);
    const bytes = await readFile(file.path);
    if (createHash('sha256').update(bytes).digest('hex') !== read.loaded.sha256) {
      failed++;
      out.info(`${file.file}: it was saved again while being sorted, so it was left as it is: run brief sort again`);
      continue;
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
    await writeOutput(file.path, Buffer.from(bom + text));
    out.info(`${file.file}: ${entries} moved; saved`);
  }
  return failed > 0 ? 1 : 0;
}

/** "Title" (March 2021), or "Title" (no date). */
function shown(entry: NamedEntry): string {
  return `"${entry.title}" (${entry.date ?? 'no date'})`;
}
