import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewProject, startPreviewIn } from './helpers/previewProject.js';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import type { Previewing } from '../src/preview/preview.js';
import { axeCheck, useBrowser } from './helpers/browser.js';
import { until } from './helpers/waiting.js';

/**
 * brief preview end to end, in Debian's Chromium: a brief's page follows the saves (an edit, a
 * broken save shown with its problem's line over the last good version, the fix), and axe finds no
 * WCAG 2.2 AA violation on the list or a brief's page. Nothing sleeps: each step waits for what the page shows.
 */
const browser = useBrowser();

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string) => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"`);
/** minimal.json whose entry has no link (one lint warning), with its topic changed. */
const editedLinkless = (topic: string) => withTopic(topic).replace('"url": "https://example.org/report",', '');
/** minimal.json with a date the schema refuses, on line 17, column 19. */
const badDate = minimal.replace('"date": "March 2020"', '"date": "Mar 2020"');

describe('brief preview in Chromium', () => {
  let root: string;
  let previewing: Previewing | undefined;
  let url: string;
  const builds: { brief: string; result: BuildResult; at: number }[] = [];
  const lines: string[] = [];

  // One preview for the file (starting one loads its build and Word threads): each test writes a brief of its own.
  beforeAll(async () => {
    root = previewProject('brief-preview-browser-');
    // Every format, as brief preview makes them: the first test checks the PDF's link and its page count, and
    // the .docx (little time here) keeps the Word link on the pages axe checks.
    previewing = await startPreviewIn(root, {
      out: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
      onBuilt: (briefPath, result) => builds.push({ brief: basename(briefPath, '.json'), result, at: Date.now() }),
    });
    url = previewing.url;
  }, 120_000);

  afterAll(async () => {
    await previewing?.close();
    previewing = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  /** briefs/<name>.json written (minimal.json), once the preview has built it. */
  async function write(name: string): Promise<void> {
    writeFileSync(join(root, 'briefs', `${name}.json`), minimal);
    await until(
      () => builds.some((b) => b.brief === name),
      `the first build of ${name}.json`,
      () => lines,
    );
  }

  /** Open a page of the preview, once its event stream is open (so that no build goes unseen). */
  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.locator('#live[data-state="open"]').waitFor();
    return page;
  }

  /** Save briefs/a.json; resolves when the page has loaded again after its build, with how long after the build its reload began (ms). */
  async function saveAndReload(page: Page, text: string): Promise<number> {
    const count = builds.length;
    const reloaded = page.waitForEvent('load');
    writeFileSync(join(root, 'briefs', 'a.json'), text);
    await reloaded;
    await page.locator('#live[data-state="open"]').waitFor();
    const built = builds.slice(count).find((b) => b.brief === 'a');
    expect(built, 'the page reloaded without a build').toBeDefined();
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    return navigationStart - (built?.at ?? 0);
  }

  it('follows the saves: an edit, a broken save shown with its line over the last good version, and the fix', async () => {
    await write('a');
    const page = await open(`${url}briefs/a`);
    expect(await page.title()).toBe('a – brief preview');
    expect(await page.locator('h1').textContent()).toBe('a');
    const frame = page.frameLocator('iframe[title="Web page version of a"]');
    await frame.getByText('Test Topic').first().waitFor();

    // An edit: the new topic in the web page version, and its new warning on the page.
    const delays = [await saveAndReload(page, editedLinkless('Topic Edited In Chromium'))];
    await page.getByRole('heading', { name: 'Warnings' }).waitFor();
    await page.getByText(/a\.json:14:9 {2}\/sections\/0\/entries\/0 {2}warning: .*has no link/).waitFor();
    await frame.getByText('Topic Edited In Chromium').first().waitFor();

    // A broken save: its problem with its line and column, over the last good version.
    delays.push(await saveAndReload(page, badDate));
    await page.getByRole('heading', { name: 'Problems' }).waitFor();
    const problem = page.locator('.problems li code');
    expect(await problem.count()).toBe(1);
    expect(await problem.textContent()).toMatch(/a\.json:17:19 {2}\/sections\/0\/entries\/0\/date {2}"date" should be a year/);
    expect(await page.locator('main > p').nth(1).textContent()).toMatch(
      /^Not built at \d\d:\d\d:\d\d: 1 problem to fix\. The documents below are from the last good build/,
    );
    await frame.getByText('Topic Edited In Chromium').first().waitFor();
    await page.getByRole('link', { name: 'PDF', exact: true }).waitFor();
    const broken = await axeCheck(page);
    expect(broken.text, 'axe on the page with a problem').toBe('');

    // Fixed: the problem gone, the page as it should be.
    delays.push(await saveAndReload(page, withTopic('Topic Fixed In Chromium')));
    await page.getByText(/^Built at \d\d:\d\d:\d\d: \d+ pages?\.$/).waitFor();
    expect(await page.getByRole('heading', { name: 'Problems' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Warnings' }).count()).toBe(0);
    await frame.getByText('Topic Fixed In Chromium').first().waitFor();

    // Each reload began within half a second of the build that caused it.
    console.log(`brief preview: reloads began ${delays.map((d) => `${Math.round(d)} ms`).join(', ')} after their builds`);
    for (const delay of delays) expect(delay).toBeLessThan(500);
  });

  it('has no WCAG 2.2 AA violations that axe finds, on the list of briefs and on a brief’s page', async () => {
    await write('b');
    for (const address of [url, `${url}briefs/b`]) {
      const page = await open(address);
      const findings = await axeCheck(page);
      expect(findings.text, address).toBe('');
      expect(findings.count).toBe(0);
    }
    // The list links to the brief's page, which links back.
    const list = await open(url);
    await list.getByRole('link', { name: 'b', exact: true }).click();
    await list.waitForURL(`${url}briefs/b`);
    await list.getByRole('link', { name: 'All briefs' }).click();
    await list.waitForURL(url);
  });
});
