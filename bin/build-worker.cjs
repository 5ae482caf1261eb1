'use strict';
// A batch worker thread (piscina runs this file): the bundled build, dist/build-worker.cjs,
// loaded with its code cache like the command itself.
const { join } = require('node:path');
const { loadBundle } = require('./bundleLoader.cjs');

const worker = loadBundle(join(__dirname, '..', 'dist', 'build-worker.cjs'));
const build = worker.exports.default;
// scripts/codeCache.mjs has one batch keep what the workers compiled for their first brief.
let keep = process.env.BRIEF_WRITE_CODE_CACHE === 'worker';

module.exports = async function buildInWorker(task) {
  const result = await build(task);
  if (keep) {
    keep = false;
    worker.keepCompiledCode();
  }
  return result;
};
