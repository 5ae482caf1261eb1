#!/usr/bin/env node
// The `brief` command: the program bundled by `npm install` (scripts/bundle.mjs) into dist/.
import { createRequire } from 'node:module';

let program;
try {
  program = createRequire(import.meta.url)('../dist/brief.cjs');
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
process.exitCode = await program.main(process.argv);
