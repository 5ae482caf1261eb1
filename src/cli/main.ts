import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { NoBriefsFolderError } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import { type Format, parseFormats } from '../pipeline/formats.js';
import { consoleOutput } from './output.js';
import { versionLine } from './version.js';

/**
 * Exit codes: 0 all is well, 1 a brief is wrong or a build failed, 2 the command was used
 * wrongly, 3 another build into the same folder is already running.
 */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
export const EXIT_LOCKED = 3;

const BRIEF_PATHS = 'brief files or folders of briefs (default: every brief in briefs/)';

/** Run the `brief` command line; resolves to the exit code. Never throws. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('brief')
    .description('Evidence briefs: from JSON files in briefs/ to branded PDF and Word documents.')
    .option('--debug', 'show technical details (stack traces) when something goes wrong')
    .version(versionLine(), '-V, --version', 'show the version of brief')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.info(s.trimEnd()),
      writeErr: (s) => (s.startsWith('error: ') ? out.error(s.slice(7).trimEnd()) : out.info(s.trimEnd())),
    })
    .showHelpAfterError('(run "brief --help" to see the commands)');

  // Each command's module is loaded only when it runs, so a quick command starts quickly.
  program
    .command('validate')
    .description('check briefs against the schema and report every problem with its line and column')
    .argument('[paths...]', BRIEF_PATHS)
    .addHelpText('after', '\nExamples:\n  npx brief validate\n  npx brief validate briefs/peer-support-workers-2021-01.json')
    .action(async (paths: string[]) => {
      const { validateCommand } = await import('./validateCommand.js');
      exitCode = await validateCommand(paths, out);
    });

  program
    .command('build')
    .description(
      'build each brief into a PDF, a Word document and a web page (or the formats chosen) in the output folder, skipping briefs that have not changed',
    )
    .argument('[paths...]', BRIEF_PATHS)
    .option('-o, --output <folder>', 'where to write the documents', 'output')
    .option('-j, --concurrency <n>', 'how many briefs to build at once (default: one per processor core)', positiveInteger)
    .option('-f, --force', 'build every brief, even those whose inputs have not changed')
    .option('--report <file>', 'also write a JSON report of the run (each brief: status, pages, bytes, time, errors)')
    .option('--format <formats>', FORMAT_HELP, formatList)
    .addHelpText(
      'after',
      '\nExamples:\n  npx brief build\n  npx brief build briefs/peer-support-workers-2021-01.json\n  npx brief build --force --report output/report.json\n\nExit codes: 0 all built (or unchanged), 1 a brief could not be built, 2 the command was\ntyped wrongly, 3 another build into the same output folder is running.',
    )
    .action(async (paths: string[], options: { output: string; concurrency?: number; force?: boolean; report?: string; format?: Format[] }) => {
      const { buildCommand } = await import('./buildCommand.js');
      exitCode = await buildCommand(paths, options, out);
    });

  program
    .command('new')
    .description("start a new brief in briefs/ from the team's defaults (it never replaces an existing brief)")
    .argument('<name>', 'the file name: lower-case letters, digits and hyphens (".json" may be added; the file goes in briefs/)')
    .requiredOption('--title <topic>', 'the brief\'s topic, e.g. "Nursing Associates"')
    .option('--standard-sections', "the team's standard sections, with no entries, instead of one section with an example entry")
    .addHelpText(
      'after',
      '\nExamples:\n  npx brief new nursing-associates-2026-11 --title "Nursing Associates"\n  npx brief new nursing-associates-2026-11 --title "Nursing Associates" --standard-sections',
    )
    .action(async (name: string, options: { title: string; standardSections?: boolean }) => {
      const { newCommand } = await import('./newCommand.js');
      exitCode = await newCommand(name, options, out);
    });

  program
    .command('import')
    .description('add references exported from a reference manager or database (RIS, BibTeX, MEDLINE .nbib, CSL-JSON) to a brief')
    .argument('<file>', 'the export: .ris, .bib, .nbib or .json (CSL-JSON)')
    .requiredOption('--into <brief>', 'the brief to add them to')
    .requiredOption('--section <heading>', 'the section or subsection to add them to (made at the end if the brief has none)')
    .option('--dry-run', 'show what would be added, and change nothing')
    .option('--strict', 'all or nothing: import nothing if any record has a problem')
    .addHelpText(
      'after',
      '\nReferences already in the brief (the same DOI, or the same title) are skipped. A record with a problem is named\nby its line and left out; the others are imported (exit code 1 says some were not).\n\nExample:\n  npx brief import zotero.ris --into briefs/my-brief.json --section "Case Studies"',
    )
    .action(async (file: string, options: { into: string; section: string; dryRun?: boolean; strict?: boolean }) => {
      const { importCommand } = await import('./importCommand.js');
      exitCode = await importCommand(file, options, out);
    });

  program
    .command('lint')
    .description(
      'point out what a careful editor would: repeated entries or summaries, entries out of date order, unexplained access markers, missing links, empty sections',
    )
    .argument('[paths...]', BRIEF_PATHS)
    .option('--strict', 'exit 1 when there are warnings (for checks that must pass)')
    .action(async (paths: string[], options: { strict?: boolean }) => {
      const { lintCommand } = await import('./lintCommand.js');
      exitCode = await lintCommand(paths, options, out);
    });

  program
    .command('sort')
    .description("put each section's entries newest first (undated ones last; notes between entries stay where they are) and say what moved")
    .argument('[paths...]', BRIEF_PATHS)
    .option('--dry-run', 'show what would move, and change nothing')
    .addHelpText(
      'after',
      '\nEntries are never moved past a note between entries: they are sorted within the runs between notes.\nOnly the moved entries change place in the file; everything else is kept as it was typed.\n\nExamples:\n  npx brief sort briefs/my-brief.json --dry-run\n  npx brief sort briefs/my-brief.json',
    )
    .action(async (paths: string[], options: { dryRun?: boolean }) => {
      const { sortCommand } = await import('./sortCommand.js');
      exitCode = await sortCommand(paths, options, out);
    });

  program
    .command('watch')
    .description('build briefs, then rebuild a brief as soon as it, or a template, theme or schema it uses, is saved')
    .argument('[paths...]', BRIEF_PATHS)
    .option('-o, --output <folder>', 'where to write the documents', 'output')
    .option('--format <formats>', FORMAT_HELP, formatList)
    .addHelpText(
      'after',
      '\nKeep it running beside your editor and PDF viewer; stop it with Ctrl-C.\nA save with a mistake is reported and the last good documents are kept.\nA brief\'s warnings are printed when they change; a save that leaves them as they were\nsays "(2 warnings, unchanged)" on its line instead.\n\nExamples:\n  npx brief watch\n  npx brief watch briefs/peer-support-workers-2021-01.json',
    )
    .action(async (paths: string[], options: { output: string; format?: Format[] }) => {
      const { watchCommand } = await import('./watchCommand.js');
      exitCode = await watchCommand(paths, options, out);
    });

  program
    .command('preview')
    .description('brief watch, plus a web page per brief on this computer that updates by itself after each save')
    .argument('[paths...]', BRIEF_PATHS)
    .option('-o, --output <folder>', 'where to write the documents', 'output')
    .option('-p, --port <n>', 'the port to listen on', port, 4321)
    .option('--host <address>', 'listen on this address instead of 127.0.0.1 (another address lets others on the network see the briefs)')
    .option('--format <formats>', FORMAT_HELP, formatList)
    .addHelpText(
      'after',
      '\nOpen the address it prints (http://127.0.0.1:4321/) in your browser: a list of the briefs, and a page\nper brief with its web page version, its PDF and Word document, and its problems and warnings.\nThe pages reload by themselves after each build. Stop it with Ctrl-C.\n\nExamples:\n  npx brief preview\n  npx brief preview briefs/peer-support-workers-2021-01.json --port 8080',
    )
    .action(async (paths: string[], options: { output: string; port: number; host?: string; format?: Format[] }) => {
      const { previewCommand } = await import('./previewCommand.js');
      exitCode = await previewCommand(paths, options, out);
    });

  program
    .command('studio')
    .description('brief preview, plus a page per brief to edit it in your browser (on this computer only)')
    .argument('[paths...]', 'briefs outside briefs/ to edit too (briefs/ is always watched, for new briefs)')
    .option('-o, --output <folder>', 'where to write the documents', 'output')
    .option('-p, --port <n>', 'the port to listen on', port, 4321)
    .option('--format <formats>', FORMAT_HELP, formatList)
    .addHelpText(
      'after',
      '\nOpen the address it prints (http://127.0.0.1:4321/) in your browser, and choose "Edit in the studio"\nbeside a brief. Saving rebuilds its documents. Stop it with Ctrl-C.\n\nExamples:\n  npx brief studio\n  npx brief studio --port 8080',
    )
    .action(async (paths: string[], options: { output: string; port: number; format?: Format[] }) => {
      const { studioCommand } = await import('./studioCommand.js');
      exitCode = await studioCommand(paths, options, out);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof NoBriefsFolderError) {
      out.error(error.message);
      return EXIT_USAGE;
    }
    const { FileFault } = await import('../output/fileErrors.js');
    if (error instanceof FileFault) {
      out.error(error.message);
      return EXIT_PROBLEMS;
    }
    const { LockHeldError } = await import('../batch/buildLock.js');
    if (error instanceof LockHeldError) {
      out.error(error.message);
      return EXIT_LOCKED;
    }
    out.error(`something went wrong that brief did not expect: ${(error as Error).message}`);
    if (program.opts().debug) out.error((error as Error).stack ?? '');
    else out.error('run again with --debug for technical details, and tell the team that looks after brief');
    return EXIT_PROBLEMS;
  }
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('it must be a port number, from 1 to 65535 (0: any free port)');
  return n;
}

const FORMAT_HELP = "which documents to make of each brief, e.g. pdf,html (pdf, docx, html; default: the theme's formats, all three unless it says)";

function formatList(value: string): Format[] {
  const parsed = parseFormats(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.formats;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('it must be a whole number, 1 or more');
  return n;
}
