#!/usr/bin/env -S node --max-semi-space-size=64 --max-old-space-size=192
// V8 tuned for building briefs: a larger young generation halves garbage-collection time (pdfmake
// allocates a lot), a modest old generation keeps memory low; npm run bench runs the same way.
// The `brief` command. The program itself is TypeScript compiled into dist/ by `npm install`.
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('brief: the program is not built yet: run "npm install" in the project folder first\n');
    process.exit(1);
  }
  throw error;
}
// Output piped into `head` and the like: a closed pipe is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await main(process.argv);
