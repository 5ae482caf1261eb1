'use strict';
// Loads one of the bundles in dist/ (scripts/bundle.mjs) with the code V8 compiled for it before
// (dist/<bundle>.cache, made by scripts/codeCache.mjs), so that a new process or worker thread
// need not parse and compile the program again.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { threadId } = require('node:worker_threads');

/** Runs the bundle; gives its exports, and a function that keeps the code V8 has compiled for it so far. */
function loadBundle(bundle) {
  const source = readFileSync(bundle, 'utf8');
  const buildId = readFileSync(join(dirname(bundle), 'build-id'), 'latin1').trim();
  const cacheFile = `${bundle}.cache`;
  // The cache starts with the id of the build it was made from: V8 itself checks only the length.
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, buildId.length).toString('latin1') === buildId) cachedData = cache.subarray(buildId.length);
  } catch {
    // no cache yet: compile as usual
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const program = { exports: {} };
  script.runInThisContext()(program.exports, Module.createRequire(bundle), program, bundle, dirname(bundle));
  const keepCompiledCode = () => {
    const temporary = `${cacheFile}.${process.pid}.${threadId}`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(buildId, 'latin1'), script.createCachedData()]));
    renameSync(temporary, cacheFile);
  };
  return { exports: program.exports, keepCompiledCode };
}

module.exports = { loadBundle };
