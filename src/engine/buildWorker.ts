import { join } from 'node:path';
import type { Format } from '../output/outputPaths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TemplateError } from '../layout/templateError.js';
import { Templates } from '../layout/templates.js';
import type { BriefFile } from '../pipeline/briefFiles.js';
import { buildBrief, type BuildResult } from '../pipeline/buildBrief.js';
import { createBuildContext, type BuildContext } from '../pipeline/buildContext.js';
import { packageRoot } from '../paths.js';
import { compileSchema, SchemaFileError } from '../validate/schemaValidator.js';
import { crashResult, isOutOfMemory } from './buildFailures.js';
import { checkedAssets } from './checkedAssets.js';
import { programId } from './programId.js';
import { WordThread } from './wordThread.js';

/**
 * Which edition of the shared files a build is to use: each number goes up when a watcher sees
 * that part change, and a worker whose context holds an older edition reloads that part.
 */
export interface SharedVersions {
  schema: number;
  templates: number;
  /** By theme id. */
  themes: Record<string, number>;
}

/** What a worker thread is asked to build, and where. */
export interface BuildTask {
  file: BriefFile;
  outputDir: string;
  templatesRoot?: string;
  schemaRoot?: string;
  /** Wait for the disk to hold each document before going on (false for a watcher). */
  durable: boolean;
  /** Make the Word document in a second thread while this one draws the PDF (a watcher's quick rebuild). */
  wordThread: boolean;
  /** The memory limit of this worker (and of its Word thread), in MB: named in a "too large" message. */
  memoryMb: number;
  /** The documents to make (`--format`); when not given, the brief's theme says. */
  formats?: Format[];
  versions?: SharedVersions;
}

// A worker keeps its build context warm between briefs: schemas, templates, themes, fonts.
const contexts = new Map<string, { context: BuildContext; versions: SharedVersions }>();

/** A build's result, and whether it ran out of memory (its Word thread may, while this thread goes on). */
export interface WorkerAnswer {
  result: BuildResult;
  outOfMemory: boolean;
}

/**
 * One brief through the whole pipeline, in a worker thread (piscina calls this). Never throws:
 * a brief's problem, a shared file that cannot be used, or a crash comes back as a diagnostic.
 */
export default async function buildInWorker(task: BuildTask): Promise<WorkerAnswer> {
  try {
    const shared = contextFor(task);
    if (!shared.ok) return { result: { ok: false, dependencies: [task.file.path], warnings: [], diagnostics: [shared.diagnostic] }, outOfMemory: false };
    let writtenAt: number | undefined;
    const result = await buildBrief(task.file, shared.context, {
      formats: task.formats,
      written: () => {
        writtenAt = performance.timeOrigin + performance.now();
      },
    });
    return { result: writtenAt === undefined ? result : { ...result, writtenAt }, outOfMemory: false };
  } catch (error) {
    return { result: crashResult(task.file, error, task.memoryMb), outOfMemory: isOutOfMemory(error) };
  }
}

/** Stops the Word threads this thread's contexts started: in the command's own thread (inThisThread.ts), they would keep it running. */
export async function closeBuildContexts(): Promise<void> {
  const closing = [...contexts.values()].map(({ context }) => (context.wordWriter instanceof WordThread ? context.wordWriter.close() : undefined));
  contexts.clear();
  await Promise.all(closing);
}

type Shared = { ok: true; context: BuildContext } | { ok: false; diagnostic: Diagnostic };

/** This worker's context for the task's folders, brought up to the task's edition of the shared files. */
function contextFor(task: BuildTask): Shared {
  const key = JSON.stringify([task.outputDir, task.templatesRoot, task.schemaRoot, task.durable, task.wordThread]);
  const wanted = task.versions ?? { schema: 0, templates: 0, themes: {} };
  const held = contexts.get(key);
  try {
    if (!held) {
      const context = createBuildContext({
        outputDir: task.outputDir,
        templatesRoot: task.templatesRoot,
        schemaRoot: task.schemaRoot,
        durable: task.durable,
        checkedAssets: checkedAssets(join(packageRoot, 'node_modules', '.cache', 'brief', 'checked-assets'), programId()),
      });
      // Started once the context is made: a schema or template that cannot be used leaves no thread behind.
      if (task.wordThread) context.wordWriter = new WordThread(task.memoryMb);
      contexts.set(key, { context, versions: structuredClone(wanted) });
      return { ok: true, context };
    }
    const { context, versions } = held;
    if (versions.schema !== wanted.schema) {
      context.briefValidator = compileSchema(context.briefSchemaPath);
      context.themeValidator = compileSchema(context.themeSchemaPath);
      context.themes.clear();
      versions.schema = wanted.schema;
    }
    if (versions.templates !== wanted.templates) {
      context.templates = new Templates(context.templatesRoot);
      versions.templates = wanted.templates;
    }
    for (const [theme, version] of Object.entries(wanted.themes)) {
      if (versions.themes[theme] !== version) context.themes.delete(theme);
      versions.themes[theme] = version;
    }
    return { ok: true, context };
  } catch (error) {
    // Kept at the edition it had: the next task tries the new one again.
    if (error instanceof TemplateError)
      return { ok: false, diagnostic: { file: error.file, line: error.line, column: error.column, pointer: '', message: error.message } };
    if (error instanceof SchemaFileError) return { ok: false, diagnostic: { file: error.file, pointer: '', message: error.message } };
    throw error;
  }
}
