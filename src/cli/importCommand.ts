import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeEncoding } from '../authoring/encoding.js';
import { type ImportPlan, planImport } from '../authoring/importReferences.js';
import { type ImportRecord, type OpenedReferences, openReferences, ReferenceFormatError } from '../authoring/references.js';
import type { Brief } from '../brief/types.js';
import { type Diagnostic, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { MAX_BYTES } from '../load/loadJsonFile.js';
import { buildSourceMap } from '../load/sourceMap.js';
import { writeOutput } from '../output/writeOutput.js';
import { briefSchemaPath } from '../paths.js';
import { briefPath as findBrief } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import { readBrief } from '../pipeline/readBrief.js';
import { compileSchema, type SchemaValidator } from '../validate/schemaValidator.js';
import { validateBrief } from '../validate/validateBrief.js';
import { type ProgressLine, progressLine } from './importProgress.js';

export interface ImportOptions {
  into: string;
  section: string;
  dryRun?: boolean;
  /** All or nothing: when any record has a problem, nothing is imported. */
  strict?: boolean;
  /** Where the progress line goes (tests); by default stderr, when it is a terminal. */
  progress?: ProgressLine;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * `brief import <file> --into <brief> --section "<heading>" [--dry-run] [--strict]`: one entry
 * per reference; repeats skipped; a record with a problem is named by its line and not imported
 * (the others are, unless --strict). --dry-run prints exactly the lines of the real run, with
 * "would add" for "added". Exit 0 when every record was imported or skipped, 1 when a record had
 * a problem or nothing could be imported at all.
 */
export async function importCommand(referencesPath: string, options: ImportOptions, out: Output): Promise<number> {
  const validator = compileSchema(briefSchemaPath);
  // As every command names a brief: ".json" optional, a bare name found in briefs/.
  const briefPath = await findBrief(options.into);
  const file = displayPath(briefPath);
  const read = await readBrief({ path: briefPath, file }, validator);
  if (!read.ok) {
    for (const d of read.diagnostics) out.info(formatDiagnostic(d));
    out.info(`${file}: fix these first; nothing was imported`);
    return 1;
  }
  const source = displayPath(resolve(referencesPath));
  let opened: OpenedReferences;
  try {
    opened = await openReferences(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ReferenceFormatError) out.error(error.message);
    else if (code === 'ENOENT') out.error(`${source}: no such file`);
    else if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM')
      out.error(`${source}: cannot be read (${code === 'EISDIR' ? 'it is a folder' : 'permission denied'})`);
    else throw error;
    return 1;
  }
  // The schema's limit, checked before the records are read (the slow part): a section holds at most this many entries.
  const maxEntries = entriesLimit();
  if (opened.count > maxEntries) {
    out.error(
      `${source} has ${count(opened.count, 'record')}: a section holds at most ${count(maxEntries, 'entry', 'entries')} (the schema's limit), so they cannot all be imported into one; split the export into smaller files`,
    );
    return 1;
  }
  const progress = options.progress ?? progressLine();
  const records = await opened.read((done) => progress?.update(`reading ${source}: ${count(done, 'record')} of ${opened.count.toLocaleString('en-GB')}`));
  progress?.update(`checking ${count(records.length, 'record')} against ${file}`);
  const planned = planAndCheck(read.brief, records, options.section, validator, file);
  progress?.clear();
  if ('fault' in planned) {
    for (const line of planned.fault) out.info(line);
    return 1;
  }
  const { plan, text } = planned;

  const encoding = describeEncoding(opened.decoded);
  if (encoding) out.info(`${source}: ${encoding}`);
  for (const { line, note } of opened.notes) out.info(`${at(source, line)}: ${note}`);
  const refused = plan.outcomes.filter((o) => o.kind === 'refused').length;
  const allOrNothing = options.strict && refused > 0;
  for (const outcome of plan.outcomes) {
    for (const note of outcome.notes) out.info(`${at(source, outcome.record.line)}: ${note}`);
    if (outcome.kind === 'refused') out.info(`${at(source, outcome.record.line)}: not imported: ${outcome.problem}`);
    else if (outcome.kind === 'skipped') out.info(`skipped: ${outcome.entry.title}: ${outcome.why}`);
    else if (!allOrNothing)
      out.info(`${options.dryRun ? 'would add' : 'added'}: ${outcome.entry.title} (${[outcome.entry.date, outcome.entry.source].filter(Boolean).join(', ')})`);
  }
  if (plan.nearMissSearchIncomplete)
    out.info(`${source}: so many titles that entries with nearly the same title (a letter or two apart) were not all looked for; same titles and DOIs were`);
  const where = `"${options.section}"${plan.sectionCreated ? ' (a new section at the end)' : ''}`;
  const records_ = `${count(records.length, `${opened.format} record`)}`;
  const skipped = plan.outcomes.filter((o) => o.kind === 'skipped').length;
  if (allOrNothing) {
    out.info(`${records_}: ${count(refused, 'record')} with a problem, so nothing ${options.dryRun ? 'would be' : 'was'} imported (--strict)`);
    return 1;
  }
  out.info(
    `${records_}: ${plan.added.length.toLocaleString('en-GB')} ${options.dryRun ? 'would be added' : 'added'} to ${where}, ${skipped.toLocaleString('en-GB')} skipped${refused > 0 ? `, ${refused.toLocaleString('en-GB')} not imported (problems above)` : ''}`,
  );
  const exit = refused > 0 ? 1 : 0;
  if (options.dryRun || plan.added.length === 0) return exit;
  await writeOutput(briefPath, Buffer.from(text));
  out.info(`wrote ${file}`);
  return exit;
}

function at(source: string, line: number | undefined): string {
  return line === undefined ? source : `${source}:${line}`;
}

function entriesLimit(): number {
  const schema = JSON.parse(readFileSync(briefSchemaPath, 'utf8')) as { $defs?: { entries?: { maxItems?: number } } };
  return schema.$defs?.entries?.maxItems ?? Number.POSITIVE_INFINITY;
}

/**
 * The plan, and the brief's new text, checked against the schema. An added entry the schema
 * refuses (a control character in its title, a link that is not one) is its record's problem:
 * the plan is made again without it. Anything else wrong is a fault of the whole import.
 */
function planAndCheck(
  brief: Brief,
  records: ImportRecord[],
  heading: string,
  validator: SchemaValidator,
  file: string,
): { plan: ImportPlan; text: string } | { fault: string[] } {
  const refuse = new Map<ImportRecord, string>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const plan = planImport(brief, records, heading, refuse);
    const size = plan.firstAdded + plan.added.length;
    if (size > entriesLimit())
      return {
        fault: [
          `${file}: "${heading}" would have ${count(size, 'entry', 'entries')}, more than a section holds (${count(entriesLimit(), 'entry', 'entries')}); import into another section; nothing was imported`,
        ],
      };
    // The brief keeps its key order (JSON.parse keeps it); it must still be valid before it replaces the old one.
    const text = `${JSON.stringify(plan.brief, null, 2)}\n`;
    if (text.length > MAX_BYTES)
      return {
        fault: [
          `${file}: with these entries the brief would be over ${MAX_BYTES / 1_048_576} MB, the most a brief may be; split it into two briefs; nothing was imported`,
        ],
      };
    const checked = validateBrief({ file, text, data: plan.brief, sourceMap: buildSourceMap(text) }, validator);
    if (checked.ok) return { plan, text };
    const added = plan.outcomes.filter((o) => o.kind === 'added');
    const others: Diagnostic[] = [];
    for (const d of checked.diagnostics) {
      const inEntry = d.pointer.startsWith(`${plan.entriesPointer}/`) ? /^\/(\d+)(.*)$/.exec(d.pointer.slice(plan.entriesPointer.length)) : null;
      const outcome = inEntry ? added[Number(inEntry[1]) - plan.firstAdded] : undefined;
      if (!outcome) others.push(d);
      else if (!refuse.has(outcome.record)) {
        // Some of the schema's messages name the field ('title "x" has...'), some do not ("should be a web address").
        const field = (inEntry?.[2] ?? '').replace(/^\//, '') || 'the entry';
        refuse.set(outcome.record, /^(should|must) /.test(d.message) ? `${field} ${d.message}` : `${field}: ${d.message}`);
      }
    }
    if (others.length > 0 || attempt === 1)
      return {
        fault: [
          ...(others.length > 0 ? others : checked.diagnostics).map(formatDiagnostic),
          `${file}: the imported entries would make it invalid, so it was left as it was`,
        ],
      };
  }
  return { fault: [`${file}: the imported entries would make it invalid, so it was left as it was`] };
}
