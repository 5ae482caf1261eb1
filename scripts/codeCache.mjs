/**
 * `npm run build`, last step: build the 2021 brief once, into a folder that is then removed,
 * and keep the code V8 compiled for it (dist/brief.cjs.cache). bin/brief.js loads that code
 * instead of compiling the program again in each new process. The cache is made with the
 * same Node options as bin/brief.js runs with, as V8 refuses a cache made under other options.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binNodeOptions } from './binNodeOptions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'brief.js');
const options = binNodeOptions();
const scratch = mkdtempSync(join(tmpdir(), 'brief-code-cache-'));
try {
  execFileSync(process.execPath, [...options, bin, 'build', join(root, 'briefs', 'peer-support-workers-2021-01.json'), '--output', scratch, '--force'], {
    cwd: scratch,
    env: { ...process.env, BRIEF_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
