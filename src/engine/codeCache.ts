import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A bundle loaded by requireBundle: its exports, whether V8 took its code from the cache, and how to keep the cache. */
export interface LoadedBundle {
  exports: unknown;
  /** True when V8 accepted the cached code (so nothing needs saving). */
  fromCache: boolean;
  /**
   * Writes V8's code cache of the bundle as it is now, so that it holds every function this run
   * compiled (the functions a build uses), unless it came from the cache. Call it once the work is
   * done. Writes a temporary file and renames it; a folder that cannot be written is no fault.
   */
  saveCache(): void;
}

/**
 * Loads one of this program's CommonJS bundles (dist/*.cjs) as `require` would, with V8's code
 * cache (node:vm's `cachedData`), in `cacheDir` (node_modules/.cache/brief/code-cache of the
 * installation). The cache is made after the work (`saveCache`), not when the file is compiled:
 * V8 compiles a function when it is first called, and only a cache made after a build holds the
 * functions a build calls (a cold build of the 2021 brief about 0.1 s quicker than with a cache
 * made at compile time, docs/performance.md). A file is named by the bundle's name, its sha256 and
 * Node's version: a new build of brief or a new Node never meets an old cache, and V8 itself
 * refuses a cache that does not fit (then the bundle is compiled as usual, and the cache made again).
 */
export function requireBundle(filename: string, cacheDir: string): LoadedBundle {
  const source = readFileSync(filename, 'utf8');
  const name = basename(filename, '.cjs');
  const hash = createHash('sha256').update(source).update(process.version).digest('hex').slice(0, 16);
  const cacheFile = join(cacheDir, `${name}-${hash}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  // The wrapper Node puts around a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(filename),
    module,
    filename,
    dirname(filename),
  );
  // Set by V8 only when it was given a cache: false when it used it.
  const fromCache = script.cachedDataRejected === false;
  return {
    exports: module.exports,
    fromCache,
    saveCache: () => {
      if (fromCache) return;
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
        // Caches of older builds of this bundle are of no more use.
        for (const old of readdirSync(cacheDir))
          if (old.startsWith(`${name}-`) && old.endsWith('.v8') && old !== basename(cacheFile)) rmSync(join(cacheDir, old), { force: true });
      } catch {
        // a read-only installation: the next run compiles again
      }
    },
  };
}
