#!/usr/bin/env node
// The `brief` command: the program bundled by `npm install` (scripts/bundle.mjs) into dist/.
// CommonJS, so that the compile cache below is kept per installation (it is named by require.main).
'use strict';

// Node 22 and later cache compiled code themselves; before that, the v8-compile-cache library
// does, in the system's temporary folder: a cold build starts some 0.1 s sooner (docs/performance.md).
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
else require('v8-compile-cache');

let program;
try {
  program = require('../dist/brief.cjs');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist/brief.cjs')) throw error;
  process.stderr.write('brief: the program is not built yet: run "npm install" in the project folder first\n');
  process.exit(1);
}

// Output piped into `head` and the like: a closed pipe is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
program.main(process.argv).then((code) => {
  process.exitCode = code;
});
