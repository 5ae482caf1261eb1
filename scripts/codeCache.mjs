/**
 * `npm run build`, last step: build the 2021 brief, into folders that are then removed, and keep
 * the code V8 compiled for it: once by the command in its own thread (dist/brief.cjs.cache), and
 * once by batch workers (dist/build-worker.cjs.cache). bin/bundleLoader.cjs loads that code
 * instead of compiling the program again in each new process or worker. The caches are made
 * with the same Node options as bin/brief.js runs with, as V8 refuses a cache made under other options.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binNodeOptions } from './binNodeOptions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'brief.js');
const brief = join(root, 'briefs', 'peer-support-workers-2021-01.json');
const options = binNodeOptions();
const scratch = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
const run = (args, cache) =>
  execFileSync(process.execPath, [...options, bin, 'build', ...args, '--output', join(scratch, 'output'), '--force'], {
    cwd: scratch,
    env: { ...process.env, BRIEF_WRITE_CODE_CACHE: cache },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
try {
  run([brief], 'command');
  // Two briefs, two workers: each keeps its code after its brief (the last to finish wins).
  mkdirSync(join(scratch, 'briefs'));
  for (const name of ['a.json', 'b.json']) copyFileSync(brief, join(scratch, 'briefs', name));
  run([join(scratch, 'briefs'), '--concurrency', '2'], 'worker');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
