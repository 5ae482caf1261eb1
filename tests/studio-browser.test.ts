import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Previewing, startPreview } from '../src/preview/preview.js';
import { defaultAppDir } from '../src/studio/server/routes.js';
import { axeCheck, useBrowser } from './helpers/browser.js';

/**
 * brief studio's editor in Chromium (the front end of src/studio/app/, built by npm run build into
 * dist/studio/): typing, the Bold button, keyboard reordering and saving give exactly the JSON
 * expected on disk; a problem is shown beside its field and in the list; a change on disk since
 * the page opened is a dialog; axe finds no WCAG 2.2 AA violation.
 */
const browser = useBrowser();

const minimal = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8'));
minimal.$schema = '../schema/brief.schema.json';
minimal.sections[0].entries.push({ title: 'Second report', url: 'https://example.org/second', date: '2019', source: 'NICE' });
const start = `${JSON.stringify(minimal, null, 2)}\n`;

describe('brief studio in Chromium', () => {
  let root: string;
  let studio: Previewing | undefined;
  const file = () => join(root, 'briefs', 'a.json');

  async function open(): Promise<Page> {
    root = mkdtempSync(join(tmpdir(), 'brief-studio-browser-'));
    cpSync('templates', join(root, 'templates'), { recursive: true });
    cpSync('schema', join(root, 'schema'), { recursive: true });
    mkdirSync(join(root, 'briefs'));
    writeFileSync(file(), start);
    const lines: string[] = [];
    studio = await startPreview({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
      port: 0,
      studio: {
        briefsDir: join(root, 'briefs'),
        templatesRoot: join(root, 'templates'),
        schemaPath: join(root, 'schema', 'brief.schema.json'),
        appDir: defaultAppDir(process.cwd()),
      },
    });
    await studio.ready;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${studio.url}studio/a`);
    await page
      .locator('#root_sections_0_entries_0_title')
      .waitFor()
      .catch((e) => {
        throw new Error(`the form did not appear: ${errors.join('; ')} ${e}`);
      });
    return page;
  }

  afterEach(async () => {
    await studio?.close();
    studio = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const entry = (page: Page, n: number) => page.getByRole('group', { name: `Entry ${n} of 2` });

  it('saves typed text, a bold word and a keyboard reordering exactly', async () => {
    const page = await open();
    const title = page.locator('#root_sections_0_entries_1_title');
    await title.fill('');
    await title.pressSequentially('The "new" report – 2020');
    const summary = page.locator('#root_sections_0_entries_0_summary_0');
    await summary.fill('A plain start.');
    await summary.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 7));
    await page.getByRole('group', { name: 'Entry 1 of 2' }).getByRole('button', { name: 'Bold' }).first().click();
    // Move the second entry up with the keyboard alone: focus its button and press Enter.
    const up = entry(page, 2).getByRole('button', { name: 'Move entry up' }).last();
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#root_sections_0_entries_0_title').inputValue()).toBe('The "new" report – 2020');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    const text = readFileSync(file(), 'utf8');
    expect(text).toContain('"title": "The \\"new\\" report – 2020"');
    const saved = JSON.parse(text);
    const expected = structuredClone(minimal);
    const [first, second] = expected.sections[0].entries;
    first.summary[0] = 'A **plain** start.';
    second.title = 'The "new" report – 2020';
    expected.sections[0].entries = [second, first];
    expect(saved).toEqual(expected);
  });

  it('shows a problem beside its field and in the list, which moves focus to it', async () => {
    const page = await open();
    await page.locator('#root_sections_0_entries_0_title').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const listed = page.locator('.problems li button').filter({ hasText: /title/i });
    await listed.first().waitFor();
    const title = page.locator('#root_sections_0_entries_0_title');
    await expect.poll(() => page.locator('#root_sections_0_entries_0_title__error').textContent()).toMatch(/^Problem: "title" is missing/);
    expect(await title.getAttribute('aria-describedby')).toContain('root_sections_0_entries_0_title__error');
    // The field with the problem is marked (red), and the others of its entry are not. This does not
    // fail with the old selector (.has-error input): here no wrapper around the entry is marked;
    // the 2021 brief's picture showed every field red, a case this test does not reproduce.
    const border = (id: string) => page.locator(`#${id}`).evaluate((e) => getComputedStyle(e).borderTopColor);
    expect(await border('root_sections_0_entries_0_title')).toBe('rgb(176, 0, 32)');
    expect(await border('root_sections_0_entries_0_source')).not.toBe('rgb(176, 0, 32)');
    await listed.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_sections_0_entries_0_title');
  });

  it('says when the file changed on disk since the page opened, and can keep mine', async () => {
    const page = await open();
    writeFileSync(file(), start.replace('Test Topic', 'Changed elsewhere'));
    await page.locator('#root_topic').fill('Mine');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'This brief was changed elsewhere since you opened it' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep mine and save anyway' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(JSON.parse(readFileSync(file(), 'utf8')).topic).toBe('Mine');
  });

  it('has no WCAG 2.2 AA violation (axe)', async () => {
    const page = await open();
    const found = await axeCheck(page);
    expect(found.count, found.text).toBe(0);
  });
});
