import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireBundle } from '../src/engine/codeCache.js';
import { projectRoot } from './helpers/cli.js';

/** A CommonJS file like a bundle: module.exports, require, __filename, and a function worth compiling. */
function bundle(folder: string, extra = ''): string {
  const file = join(folder, 'sample.cjs');
  const body = Array.from({ length: 200 }, (_, i) => `  total += (n * ${i}) % 7;`).join('\n');
  writeFileSync(
    file,
    `const { basename } = require('node:path');\nfunction work(n) {\n  let total = 0;\n${body}\n  return total;\n}\nmodule.exports = { work, name: basename(__filename) };${extra}\n`,
  );
  return file;
}

const cacheFiles = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.v8'));

/**
 * Loads `file` with requireBundle in a new process (V8 keeps compiled code within a process, so
 * only a new one shows what the cache on disk does), calls its function, and saves the cache
 * before or after the call, or not at all.
 */
function load(file: string, cache: string, save: 'after' | 'before' | 'no' = 'after'): { fromCache: boolean; name: string; value: number } {
  const runner = `
    import { requireBundle } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/engine/codeCache.ts')).href)};
    const [file, cache, save] = process.argv.slice(-3);
    const loaded = requireBundle(file, cache);
    if (save === 'before') loaded.saveCache();
    const value = loaded.exports.work(3);
    if (save === 'after') loaded.saveCache();
    console.log(JSON.stringify({ fromCache: loaded.fromCache, name: loaded.exports.name, value }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runner, file, cache, save], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe("V8's code cache for the program's bundles", () => {
  it('loads a bundle as require does, saves its cache after the work, and takes its code from the cache next time', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
    const cache = join(folder, 'cache');
    const file = bundle(folder);
    const first = load(file, cache);
    expect(first).toEqual({ fromCache: false, name: 'sample.cjs', value: expect.any(Number) });
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(load(file, cache)).toEqual({ ...first, fromCache: true });
  });

  it('holds the functions the work compiled: a cache saved after a call is larger than one saved before it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
    const file = bundle(folder);
    load(file, join(folder, 'before'), 'before');
    load(file, join(folder, 'after'), 'after');
    const size = (sub: string) => statSync(join(folder, sub, cacheFiles(join(folder, sub))[0] as string)).size;
    expect(size('after')).toBeGreaterThan(size('before'));
  });

  it('compiles as usual past a damaged cache, and replaces it; a new bundle replaces the old cache', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
    const cache = join(folder, 'cache');
    const file = bundle(folder);
    load(file, cache);
    const cached = join(cache, cacheFiles(cache)[0] as string);
    writeFileSync(cached, Buffer.alloc(64, 7));
    expect(load(file, cache)).toMatchObject({ fromCache: false, name: 'sample.cjs' });
    expect(readFileSync(cached).equals(Buffer.alloc(64, 7))).toBe(false);
    expect(load(file, cache).fromCache).toBe(true);
    // The bundle rebuilt: a cache of its own, and the old one removed.
    load(bundle(folder, '\nmodule.exports.rebuilt = true;'), cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(cacheFiles(cache)[0]).not.toBe(basename(cached));
  });

  it('goes on when the cache cannot be written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
    const blocked = join(folder, 'a-file');
    writeFileSync(blocked, '');
    const loaded = requireBundle(bundle(folder), join(blocked, 'cache'));
    expect(() => loaded.saveCache()).not.toThrow();
    expect((loaded.exports as { name: string }).name).toBe('sample.cjs');
  });
});
