/**
 * `npm run build`, second step (after tsc has checked the types): the program bundled by esbuild
 * into one file per thread, in dist/. A new process then reads and compiles three files instead
 * of some five hundred modules, and bin/brief.js can keep V8's compiled code for the one file
 * (see scripts/codeCache.mjs).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    brief: 'src/cli/main.ts',
    'build-worker': 'src/batch/buildWorker.ts',
    'docx-worker': 'src/pipeline/docxThreadWorker.ts',
    'precompile-schemas': 'src/validate/precompileSchemas.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // piscina starts its worker threads from a file of its own, found beside its code.
  external: ['piscina'],
  // One fontkit for all: pdfkit requires its CommonJS build, which an import would not choose.
  alias: { fontkit: './node_modules/fontkit/dist/main.cjs' },
  // The bundles are CommonJS files; the code asks import.meta.url where it is.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
