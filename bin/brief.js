#!/usr/bin/env -S node --max-old-space-size=192 --initial-old-space-size=64 --interrupt-budget=270336 --v8-pool-size=1
// The `brief` command's Node options, each measured with `npm run bench` (2026-11-26):
// - a modest old generation, so that a two-worker batch stays under 300 MB (a larger young
//   generation made one-brief builds a few per cent quicker but a two-worker batch 25 MB larger);
// - but 64 MB of it from the start: a build leaves about 20 MB behind in it, and a worker
//   otherwise collects it in full after nearly every brief (11 or 12 times in 10 briefs, not 4 or
//   5), each time throwing away code V8 had optimised (two workers: 16.4 s for 100 briefs, not
//   18.1 s; about 280 MB at the peak, not 250 MB; 48 MB gave nothing);
// - one thread for V8's background work (compiling, helping the garbage collector), not four:
//   with a worker on every core, more only crowd the workers out (two workers: 16.5 s for
//   100 briefs, not 17.9 s), and one build on its own is as quick;
// - optimising a function only after four times V8's usual work in it, so that V8 compiles less
//   that it will not run long enough to profit from (two workers: 16.3 s, not 17.7 s; one
//   worker about 3% slower; a one-off build the same).
// `npm install` bundles the program into dist/brief.cjs (scripts/bundle.mjs) and keeps V8's
// compiled code for it in dist/brief.cjs.cache (scripts/codeCache.mjs): see bundleLoader.cjs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const { loadBundle } = createRequire(import.meta.url)('./bundleLoader.cjs');
let program;
try {
  program = loadBundle(fileURLToPath(new URL('../dist/brief.cjs', import.meta.url)));
} catch (error) {
  if (error.code !== 'ENOENT' || !/dist[\\/](brief\.cjs|build-id)$/.test(error.path ?? '')) throw error;
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
process.exitCode = await program.exports.main(process.argv);

// After a run, the code V8 compiled along the way can be kept (scripts/codeCache.mjs asks for it).
if (process.env.BRIEF_WRITE_CODE_CACHE === 'command') program.keepCompiledCode();

// Done: leave at once rather than have Node take the heap apart (about 15 ms), unless output is
// still on its way (a slow pipe on some systems), which a normal exit waits for.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
