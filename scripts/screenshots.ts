/**
 * `npm run screenshots`: build the 2021 brief and picture its first pages for the README,
 * as a reader sees them (poppler's pdftoppm, Debian package poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { main } from '../src/cli/main.js';

const brief = 'briefs/peer-support-workers-2021-01.json';
const pdf = 'output/peer-support-workers-2021-01.pdf';
const pages = [1, 2, 3];

const code = await main(['node', 'brief', 'build', brief]);
if (code !== 0) process.exit(code);
for (const page of pages) {
  try {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, `docs/images/page-${page}`]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    console.error(missing ? 'screenshots: pdftoppm is not installed (Debian: apt-get install poppler-utils)' : (error as Error).message);
    process.exit(1);
  }
}
console.log(`wrote ${pages.map((p) => `docs/images/page-${p}.png`).join(', ')}`);
