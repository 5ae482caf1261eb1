/**
 * `npm run build`, second step (after tsc has checked the types): the program bundled by esbuild
 * into one CommonJS file per kind of thread, in dist/ (`brief.cjs` the command, `build-worker.cjs`
 * a build worker, `docx-worker.cjs` the Word thread). A new thread then reads and compiles one
 * file instead of some five hundred modules: about 0.3 s less for a build worker to start
 * (docs/performance.md). dist/build-id names the build.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceHash } from '../src/engine/sourceHash.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    brief: 'src/cli/main.ts',
    'build-worker': 'src/engine/buildWorker.ts',
    'docx-worker': 'src/engine/wordThreadWorker.ts',
    'precompile-schemas': 'src/validate/precompileSchemas.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // piscina starts its worker threads from a file of its own, found beside its code. send (brief
  // preview's file server) brings mime-db's 200 KB table, which every other command would carry.
  external: ['piscina', 'send'],
  // One fontkit for all: pdfkit requires its CommonJS build, which an import would not choose.
  alias: { fontkit: './node_modules/fontkit/dist/main.cjs' },
  // The bundles are CommonJS files; the code asks import.meta.url where it is.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The studio's front end (src/studio/app/): one ES module for the browser, and its style sheet,
// in dist/studio/ where brief studio serves them from as /studio/app.js and /studio/app.css.
await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/studio/app/main.tsx' },
  outdir: 'dist/studio',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/studio/app/app.css' },
  outdir: 'dist/studio',
  bundle: true,
  minify: true,
  logLevel: 'warning',
});

// esbuild writes non-ASCII characters as escapes everywhere but in regular expression literals
// (markdown-it and a case-folding table have a few). One such character makes V8 hold the whole file as
// a two-byte string: twice the memory in every thread. The same escapes are valid in a regular
// expression, so the few left are escaped here. (Columns after them on their line are then a few
// characters off in the source map.)
for (const name of readdirSync(`${root}dist`).filter((n) => n.endsWith('.cjs'))) {
  const file = `${root}dist/${name}`;
  const code = readFileSync(file, 'utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: every character outside ASCII, from U+0000 up
  const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  if (ascii !== code) writeFileSync(file, ascii);
}

// The hash of the bundles and of the exact libraries they load (package-lock.json), worked out
// once here rather than in every run: it names this build of the program in the manifest, so
// that a new build, or an upgraded library, rebuilds every brief.
const hash = createHash('sha256');
for (const name of readdirSync(`${root}dist`)
  .filter((n) => n.endsWith('.cjs'))
  .sort())
  hash.update(name).update(readFileSync(`${root}dist/${name}`));
hash.update('package-lock.json').update(readFileSync(`${root}package-lock.json`));
writeFileSync(`${root}dist/build-id`, `${hash.digest('hex').slice(0, 16)}\n`);

// And the source they were built from: a program run from that very source (npm test) starts its
// workers from the bundles, which is quicker (src/engine/workerScript.ts).
writeFileSync(`${root}dist/source-hash`, `${sourceHash(root)}\n`);
