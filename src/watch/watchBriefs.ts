import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import type { Format } from '../output/outputPaths.js';
import { styleSheetPath } from '../pipeline/buildBrief.js';
import { acquireBuildLock } from '../batch/buildLock.js';
import { briefFiles, type BriefFile } from '../pipeline/briefFiles.js';
import type { Output } from '../pipeline/output.js';
import { reportBuild } from '../pipeline/reportBuild.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { startBuildEngine } from '../engine/buildEngine.js';
import type { SharedVersions } from '../engine/buildWorker.js';
import type { BuildResult } from '../pipeline/buildBrief.js';
import { BuildQueue } from './buildQueue.js';
import { WarningMemory } from './warningMemory.js';

export interface WatchOptions {
  /** The folder of briefs watched when `briefs` is not given. */
  briefsDir: string;
  /**
   * The brief files and folders of briefs to watch (absolute, or relative to the current folder),
   * as `brief build` takes them: a folder stands for the .json files directly in it, now and later.
   * Default: [briefsDir].
   */
  briefs?: string[];
  templatesRoot: string;
  schemaRoot: string;
  outputDir: string;
  out: Output;
  /** How long the files must be quiet before a burst of saves is acted on. */
  debounceMs?: number;
  /** Told of every build, for tests and the benchmark. */
  onBuilt?: (briefPath: string, result: BuildResult) => void;
  /** Told when a watched brief is deleted (its documents are left where they are): brief preview drops it from its list. */
  onDeleted?: (briefPath: string) => void;
  /** The most memory one build may hold, in MB (default WORKER_MEMORY_MB; tests set it tiny). */
  memoryMb?: number;
  /** The documents to make of every brief (`--format`); when not given, each brief's theme says (default all). */
  formats?: readonly Format[];
}

export interface Watching {
  /** Resolves once every brief has been built and the folders are being watched. */
  ready: Promise<void>;
  /** Resolves once nothing is waiting to be built. */
  idle(): Promise<void>;
  /** Stop watching, after the build under way (if any) has finished. */
  close(): Promise<void>;
}

/**
 * `brief watch`: build every brief watched, then rebuild exactly what each save touches. The build
 * context stays warm (compiled schemas and templates, loaded themes and fonts), so a rebuild
 * does only that brief's work. What each brief depends on is learnt from its last build.
 * A brief's warnings are printed when they differ from its last build's (WarningMemory).
 */
export function watchBriefs(options: WatchOptions): Watching {
  const { out } = options;
  const targets = (options.briefs ?? [options.briefsDir]).map((path) => resolve(path));
  const templatesRoot = resolve(options.templatesRoot);
  const schemaRoot = resolve(options.schemaRoot);
  const outputDir = resolve(options.outputDir);
  // One worker, kept warm, with a second thread for the Word document: a save is built while the
  // watcher goes on watching, and a brief that crashes or exhausts its memory cannot end the watcher.
  const engine = startBuildEngine({
    outputDir,
    templatesRoot,
    schemaRoot,
    threads: 1,
    memoryMb: options.memoryMb,
    durable: false,
    wordThread: true,
    formats: options.formats,
  });
  // Each change to the shared files raises its part's edition; the worker reloads what it holds of an older one.
  const versions: SharedVersions = { schema: 0, templates: 0, themes: {} };
  const dependencies = new Map<string, Set<string>>();
  const reasons = new Map<string, string>();
  const warnings = new WarningMemory();
  const stamp = () => new Date().toTimeString().slice(0, 8);

  const queue = new BuildQueue(async (briefPath) => {
    const file: BriefFile = { path: briefPath, file: displayPath(briefPath) };
    const reason = reasons.get(briefPath);
    reasons.delete(briefPath);
    const result = await engine.build(file, structuredClone(versions));
    dependencies.set(briefPath, new Set([...(result.ok ? [] : (dependencies.get(briefPath) ?? [])), ...result.dependencies]));
    const lines = reportBuild(file.file, result);
    const said = warnings.report(briefPath, result.warnings, result.ok || result.warnings.length > 0);
    out.info(`${stamp()}  ${reason ? `${reason} -> ` : ''}${lines.at(-1)}${said.note}`);
    // reportBuild puts the warnings first, then the problems: the problems are always printed.
    for (const line of [...said.lines, ...lines.slice(result.warnings.length, -1)]) out.info(`          ${line}`);
    options.onBuilt?.(briefPath, result);
  });

  const rebuild = (briefPath: string, reason: string) => {
    reasons.set(briefPath, reason);
    queue.request(briefPath);
  };

  // Which of the targets are folders is settled once the watcher starts (see ready).
  let folders = new Set<string>();
  const isBrief = (path: string) => (targets.includes(path) && !folders.has(path)) || (path.endsWith('.json') && folders.has(dirname(path)));
  const dependents = (path: string) => [...dependencies].filter(([, deps]) => deps.has(path)).map(([brief]) => brief);

  /** Act on a settled burst of changes: refresh what the warm context holds, then rebuild what depends on it. */
  const settle = (changes: Map<string, 'add' | 'change' | 'unlink'>) => {
    for (const [path, event] of changes) {
      const shown = displayPath(path);
      if (isBrief(path)) {
        if (event === 'unlink') {
          dependencies.delete(path);
          warnings.forget(path);
          out.info(`${stamp()}  ${shown} was deleted; its documents in ${displayPath(outputDir)} are left as they are`);
          options.onDeleted?.(path);
        } else {
          rebuild(path, `${shown} ${event === 'add' ? 'added' : 'changed'}`);
        }
        continue;
      }
      if (inside(schemaRoot, path)) {
        // A schema that cannot be used is each brief's diagnostic, naming the schema file.
        versions.schema++;
        for (const brief of dependencies.keys()) rebuild(brief, `${shown} changed`);
        continue;
      }
      if (inside(join(templatesRoot, 'themes'), path)) {
        const theme = relative(join(templatesRoot, 'themes'), path).split(sep)[0] as string;
        versions.themes[theme] = (versions.themes[theme] ?? 0) + 1;
      } else if (inside(templatesRoot, path)) {
        versions.templates++;
      }
      for (const brief of dependents(path)) rebuild(brief, `${shown} changed`);
    }
  };

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const pending = new Map<string, 'add' | 'change' | 'unlink'>();
  // chokidar drops a second change to a file within 50 ms of the first, so a quick second save
  // could go unseen. Each file is looked at again a little later, and a change it missed is noticed then.
  const seen = new Map<string, string>();
  const rechecks = new Map<string, NodeJS.Timeout>();
  const signature = (stats: Stats | undefined) => (stats ? `${stats.mtimeMs}:${stats.size}:${stats.ino}` : '');
  const noticed = (event: 'add' | 'change' | 'unlink') => (path: string, stats?: Stats) => {
    const absolute = resolve(path);
    // A file replaced by rename can show as unlink then add: the last word counts, as a change.
    pending.set(absolute, event === 'add' && pending.get(absolute) === 'unlink' ? 'change' : event);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changes = new Map(pending);
      pending.clear();
      settle(changes);
    }, options.debounceMs ?? 20);
    clearTimeout(rechecks.get(absolute));
    if (event === 'unlink') {
      seen.delete(absolute);
      return;
    }
    seen.set(absolute, signature(stats));
    rechecks.set(
      absolute,
      setTimeout(() => {
        rechecks.delete(absolute);
        stat(absolute).then(
          (now) => signature(now) !== seen.get(absolute) && noticed('change')(absolute, now),
          () => undefined,
        );
      }, 80),
    );
  };

  let release: (() => Promise<void>) | undefined;
  const ready = (async () => {
    // The same lock as brief build's, held while watching: a build into this folder meanwhile is
    // refused (naming this watcher), and neither removes the other's temporary files.
    try {
      release = await acquireBuildLock(outputDir, 'brief watch', (line) => out.info(`${stamp()}  ${line}`));
    } catch (error) {
      await engine.close();
      throw error;
    }
    // As brief build takes them: a folder named like a brief is a brief file that is wrong, not a folder of briefs.
    folders = new Set(await filterAsync(targets, async (path) => !path.endsWith('.json') && (await isFolder(path))));
    for (const file of await briefFiles(targets)) rebuild(file.path, 'first build');
    await queue.idle();
    // The HTML page's style sheet too: a save of it rebuilds the pages, which read it (a dependency of each).
    watcher = chokidar.watch([...targets, templatesRoot, schemaRoot, styleSheetPath], {
      ignoreInitial: true,
      alwaysStat: true,
      ignored: (path: string) => /(^|[/\\])(\..+|.*~|.*\.swp|.*\.tmp)$/.test(path) && !targets.includes(resolve(path)),
    });
    watcher.on('add', noticed('add')).on('change', noticed('change')).on('unlink', noticed('unlink'));
    watcher.on('error', (error) => out.error(`watching stopped working: ${(error as Error).message}`));
    await new Promise<void>((done) => watcher?.once('ready', () => done()));
    out.info(`${stamp()}  watching ${[...targets, templatesRoot, schemaRoot].map((d) => displayPath(d)).join(', ')} (Ctrl-C to stop)`);
  })();

  return {
    ready,
    idle: async () => {
      // Changes still inside the quiet period, or still to be looked at again, have not reached the queue yet.
      while (pending.size > 0 || rechecks.size > 0) await new Promise((r) => setTimeout(r, 10));
      await queue.idle();
    },
    close: async () => {
      await ready.catch(() => undefined);
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await watcher?.close();
      await queue.idle();
      await engine.close();
      await release?.();
    },
  };
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i]);
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}
