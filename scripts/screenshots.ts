/**
 * `npm run screenshots`: build the 2021 brief and picture it for the README, as a reader sees it:
 * the PDF's first pages (poppler's pdftoppm, Debian package poppler-utils) and a screen of the
 * HTML page at a phone's and a desktop's width (Debian's Chromium, package chromium, driven by
 * playwright-core).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../src/cli/main.js';
import { startPreview } from '../src/preview/preview.js';
import { defaultAppDir } from '../src/studio/server/routes.js';

const brief = 'briefs/peer-support-workers-2021-01.json';
const pdf = 'output/peer-support-workers-2021-01.pdf';
const html = 'output/peer-support-workers-2021-01.html';
const pages = [1, 2, 3];
/**
 * The HTML page's pictures, one screen each (CSS pixels, one device pixel each): its top on a
 * phone; on a desktop, where the references begin to show notes, headings and entries (the
 * contents fill the first screens).
 */
const screens = [
  { name: 'html-phone', width: 375, height: 812, at: '' },
  { name: 'html-desktop', width: 1280, height: 800, at: '#section-3' },
];

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

let browser: Awaited<ReturnType<typeof chromium.launch>>;
try {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], timeout: 120_000 });
} catch (error) {
  console.error(`screenshots: Chromium did not start (Debian: apt-get install chromium): ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
try {
  for (const screen of screens) {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(resolve(html)).href}${screen.at}`, { waitUntil: 'load', timeout: 60_000 });
    await page.screenshot({ path: `docs/images/${screen.name}.png`, timeout: 60_000 });
    await context.close();
  }
  // brief studio's editor with the preview beside it (its front end from npm run build's dist/studio/).
  const studio = await startPreview({
    briefsDir: resolve('briefs'),
    briefs: [resolve(brief)],
    templatesRoot: resolve('templates'),
    schemaRoot: resolve('schema'),
    outputDir: resolve('output'),
    out: { info: () => {}, error: (line) => console.error(line) },
    host: '127.0.0.1',
    port: 0,
    studio: {
      briefsDir: resolve('briefs'),
      templatesRoot: resolve('templates'),
      schemaPath: resolve('schema/brief.schema.json'),
      appDir: defaultAppDir(resolve('.')),
    },
  });
  try {
    await studio.ready;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${studio.url}studio/peer-support-workers-2021-01`, { waitUntil: 'load', timeout: 60_000 });
    await page.locator('#root_sections_0_entries_0_title').scrollIntoViewIfNeeded({ timeout: 60_000 });
    await page.frameLocator('iframe').locator('h1').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'docs/images/studio.png', timeout: 60_000 });
    await context.close();
  } finally {
    await studio.close();
  }
} finally {
  await browser.close();
}
console.log(
  `wrote ${[...pages.map((p) => `docs/images/page-${p}.png`), ...screens.map((s) => `docs/images/${s.name}.png`), 'docs/images/studio.png'].join(', ')}`,
);
