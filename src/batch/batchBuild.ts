import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BriefFile } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import { reportBuild } from '../pipeline/reportBuild.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { naming } from '../output/fileErrors.js';
import { writeOutput } from '../output/writeOutput.js';
import { packageRoot } from '../paths.js';
import type { BuildResult } from '../pipeline/buildBrief.js';
import type { Format } from '../output/outputPaths.js';
import { startBuildEngine } from '../engine/buildEngine.js';
import { buildsInThisThread, IN_THIS_THREAD_MAX_BYTES } from '../engine/inThisThread.js';
import { acquireBuildLock } from './buildLock.js';
import { FileHashes } from './fileHashes.js';
import { isUpToDate, manifestEntry, readManifest, writeManifest } from './manifest.js';
import { programVersion } from './programVersion.js';
import { sameOutputs } from './sameOutputs.js';

export interface BatchOptions {
  outputDir: string;
  concurrency?: number;
  force?: boolean;
  reportPath?: string;
  templatesRoot?: string;
  schemaRoot?: string;
  /** How the run is named in the lock, e.g. "brief build". */
  command?: string;
  /** The most memory one brief's build may hold in its worker, in MB (default WORKER_MEMORY_MB; tests set it tiny). */
  workerMemoryMb?: number;
  /** The documents to make of every brief (`--format`); when not given, each brief's theme says (default all). */
  formats?: readonly Format[];
  /** Told of each brief's build as it comes back, before the run records it (for tests). */
  onBuilt?: (file: BriefFile, result: BuildResult) => void;
}

export interface BriefReport {
  file: string;
  status: 'built' | 'skipped' | 'failed';
  pages?: number;
  bytes?: number;
  milliseconds?: number;
  outputs: { format: Format; path: string; bytes: number }[];
  warnings: string[];
  errors: string[];
}

export interface BatchReport {
  program: string;
  started: string;
  finished: string;
  milliseconds: number;
  concurrency: number;
  summary: { built: number; skipped: number; failed: number };
  briefs: BriefReport[];
}

/**
 * `brief build` as a batch: one run at a time per output folder (a lock), briefs whose inputs
 * have not changed skipped (a manifest of content hashes), the rest built in worker threads,
 * a failure reported by name without stopping the others, and a JSON report if asked for.
 */
export async function batchBuild(files: BriefFile[], options: BatchOptions, out: Output): Promise<BatchReport> {
  const started = new Date();
  const stamp = (line: string) => (out.timestamps ? `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}  ${line}` : line);
  const say = (line: string) => out.info(stamp(line));
  // The same file named twice is one brief.
  files = [...new Map(files.map((f) => [f.path, f])).values()];
  // The lock also clears temporary files left by a stopped run (a build or a watcher).
  const release = await acquireBuildLock(options.outputDir, options.command ?? 'brief build', say);
  try {
    const program = await programVersion();
    const hashes = new FileHashes();
    const manifest = await readManifest(options.outputDir);
    const reports = new Map<string, BriefReport>();
    const refused = sameOutputs(files, options.outputDir);
    const toBuild: BriefFile[] = [];
    for (const file of files) {
      const clash = refused.get(file.path);
      if (clash) {
        const result: BuildResult = { ok: false, dependencies: [], warnings: [], diagnostics: [{ file: file.file, pointer: '', message: clash }] };
        for (const line of reportBuild(file.file, result)) say(line);
        reports.set(file.path, briefReport(file, result));
      } else if (!options.force && (await isUpToDate(manifest.briefs[file.path], program, hashes, options.formats))) {
        reports.set(file.path, { file: file.file, status: 'skipped', outputs: [], warnings: [], errors: [] });
      } else {
        toBuild.push(file);
      }
    }
    const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), toBuild.length));
    // A manifest write that fails is reported once, at the end; the briefs go on being built.
    let manifestFault: unknown;
    if (toBuild.length > 0) {
      // Started first: its threads load the program while this one hashes.
      const engine = startBuildEngine({
        outputDir: options.outputDir,
        templatesRoot: options.templatesRoot,
        schemaRoot: options.schemaRoot,
        threads: concurrency,
        memoryMb: options.workerMemoryMb,
        // A core to spare (one brief on two cores, say): each Word document is made on it while the PDF is drawn.
        wordThread: concurrency < availableParallelism(),
        formats: options.formats,
        // One small brief (a cold build of the 2021 brief, say) is quicker in this thread than in a worker.
        inThisThread: toBuild.length === 1 && (await briefBytes(toBuild[0] as BriefFile)) <= IN_THIS_THREAD_MAX_BYTES && buildsInThisThread(),
      });
      // Hashes of the shared files as they are before any build reads them (see FileHashes.takeAll).
      await hashes.takeAll(options.templatesRoot ?? join(packageRoot, 'templates'));
      await hashes.takeAll(options.schemaRoot ?? join(packageRoot, 'schema'));
      let done = 0;
      const progress = () =>
        out.progress?.(`building: ${done} of ${toBuild.length} done${files.length > toBuild.length ? `, ${files.length - toBuild.length} unchanged` : ''}`);
      progress();
      // After each brief, so that a run that is stopped keeps the record of what it finished; one write at a time.
      let recorded: Promise<void> = Promise.resolve();
      const record = (durable: boolean) => {
        recorded = recorded.then(() =>
          writeManifest(options.outputDir, manifest, { durable }).catch((error: unknown) => {
            manifestFault ??= error;
          }),
        );
        return recorded;
      };
      try {
        await Promise.all(
          toBuild.map(async (file) => {
            const result = await engine.build(file);
            options.onBuilt?.(file, result);
            done++;
            for (const line of reportBuild(file.file, result)) say(line);
            progress();
            reports.set(file.path, briefReport(file, result));
            if (result.ok) {
              const outputs = result.outputs.map((o) => ({ format: o.format, path: o.path, bytes: o.bytes, sha256: o.sha256 }));
              const formatsBy = options.formats ? 'option' : 'theme';
              manifest.briefs[file.path] = await manifestEntry(program, result.dependencies, result.readHashes ?? {}, outputs, hashes, formatsBy);
            } else {
              delete manifest.briefs[file.path];
            }
            await record(false);
          }),
        );
      } finally {
        await engine.close();
      }
      await record(true);
    }
    const briefs = files.map((f) => reports.get(f.path) as BriefReport);
    const count = (status: BriefReport['status']) => briefs.filter((b) => b.status === status).length;
    const finished = new Date();
    const report: BatchReport = {
      program,
      started: started.toISOString(),
      finished: finished.toISOString(),
      milliseconds: finished.getTime() - started.getTime(),
      concurrency,
      summary: { built: count('built'), skipped: count('skipped'), failed: count('failed') },
      briefs,
    };
    const reportPath = options.reportPath;
    if (reportPath) await naming(reportPath, 'be written (the report)', () => writeOutput(reportPath, Buffer.from(`${JSON.stringify(report, null, 2)}\n`)));
    const { built, skipped, failed } = report.summary;
    say(
      `${files.length} brief${files.length === 1 ? '' : 's'}: ${built} built, ${skipped} unchanged (skipped), ${failed} failed, in ${(report.milliseconds / 1000).toFixed(1)} s` +
        (options.reportPath ? `; report in ${options.reportPath}` : ''),
    );
    if (manifestFault) throw manifestFault;
    return report;
  } finally {
    await release();
  }
}

/** A brief file's size in bytes (Infinity when it cannot be read: its build will say why). */
function briefBytes(file: BriefFile): Promise<number> {
  return stat(file.path).then(
    (s) => s.size,
    () => Number.POSITIVE_INFINITY,
  );
}

function briefReport(file: BriefFile, result: BuildResult): BriefReport {
  const warnings = result.warnings.map(formatDiagnostic);
  if (!result.ok) return { file: file.file, status: 'failed', outputs: [], warnings, errors: result.diagnostics.map(formatDiagnostic) };
  return {
    file: file.file,
    status: 'built',
    pages: result.outputs.find((o) => o.pages !== undefined)?.pages,
    bytes: result.outputs.reduce((sum, o) => sum + o.bytes, 0),
    milliseconds: Math.round(result.milliseconds),
    outputs: result.outputs.map((o) => ({ format: o.format, path: o.path, bytes: o.bytes })),
    warnings,
    errors: [],
  };
}
