import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewProject, startPreviewIn } from './helpers/previewProject.js';
import type { Previewing } from '../src/preview/preview.js';
import { useBrowser } from './helpers/browser.js';
import { runBrief } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

/**
 * Issue 19's walkthrough: from a project with no brief at all, a KM editor writes a 3-section,
 * 6-entry brief in brief studio alone (New brief, typing, the date picker, the Bold and Link
 * buttons, an access marker with its login service, a reordering by keyboard, an import from a RIS
 * file) and saves it; the file is exactly the brief expected, brief validate accepts it, and its
 * PDF has every entry.
 */
const browser = useBrowser();

const RIS = `TY  - JOUR
TI  - Retention of newly qualified nurses
AU  - Smith, Alex
PY  - 2022
DA  - 2022/05//
JO  - Nursing Times
UR  - https://example.org/retention
ER  - 

TY  - RPRT
TI  - Preceptorship and staying in post
AU  - Jones, Sam
PY  - 2024
DA  - 2024/01//
PB  - The King's Fund
UR  - https://example.org/staying
ER  - 
`;

describe('brief studio: a new brief written in the page alone', () => {
  let root: string;
  let studio: Previewing;

  beforeAll(async () => {
    root = previewProject('brief-studio-walkthrough-');
    studio = await startPreviewIn(root, { out: { info: () => undefined, error: () => undefined }, formats: ['html'] }, {});
  });

  afterAll(async () => {
    await studio?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('from New brief to a saved brief that validates, is exactly as expected, and builds a PDF with every entry', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // An empty start: the list has no brief, and offers New brief.
    await page.goto(studio.url);
    await page.getByText('No briefs found to preview.').waitFor();
    await page.getByRole('link', { name: 'New brief' }).click();
    await page.getByLabel('Topic').fill('Preceptorship');
    const now = new Date();
    const published = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const name = `preceptorship-${published}`;
    expect(await page.getByLabel('File name').inputValue()).toBe(name);
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(`**/studio/${name}`);
    await page
      .locator('#root_topic')
      .waitFor()
      .catch((e) => {
        throw new Error(`the editor did not open: ${errors.join('; ')} ${e}`);
      });
    expect(await page.locator('#root_topic').inputValue()).toBe('Preceptorship');

    const field = (id: string) => page.locator(`#root_${id}`);
    const group = (name: string, within: Page | Locator = page) => within.getByRole('group', { name, exact: true });
    await field('author').fill('A. Editor');

    // Section 1 (brief new's): its example entry rewritten, typed as an editor types, quotes and an en dash included.
    const title1 = field('sections_0_entries_0_title');
    await title1.fill('');
    await title1.pressSequentially('The "state" of preceptorship – a review');
    await field('sections_0_entries_0_url').fill('https://example.org/state');
    // The month and year picker writes "March 2024".
    await field('sections_0_entries_0_date__month').selectOption('March');
    await field('sections_0_entries_0_date__year').fill('2024');
    await expect.poll(() => field('sections_0_entries_0_date').inputValue()).toBe('March 2024');
    await field('sections_0_entries_0_source').fill('NHS England');
    const summary1 = field('sections_0_entries_0_summary_0');
    await summary1.fill('A review of preceptorship schemes.');
    await summary1.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(12, 25));
    await group('Paragraph 1 of 1', group('Entry 1 of 1')).getByRole('button', { name: 'Bold' }).click();
    await expect.poll(() => summary1.inputValue()).toBe('A review of **preceptorship** schemes.');

    // A second entry: a date typed as printed, an access marker with its login service, and a link.
    const section1 = group('Section 1 of 1');
    await section1.getByRole('button', { name: 'Add entry' }).click();
    await field('sections_0_entries_1_title').fill('Preceptorship framework');
    await field('sections_0_entries_1_url').fill('https://example.org/framework');
    await field('sections_0_entries_1_date').fill('updated 15 August 2025');
    await field('sections_0_entries_1_source').fill('Nursing and Midwifery Council');
    await field('sections_0_entries_1_access').selectOption({ label: 'Log in required*' });
    await field('sections_0_entries_1_loginService').fill('Athens');
    await group('Entry 2 of 2', section1).getByRole('button', { name: 'Add paragraph' }).click();
    const summary2 = field('sections_0_entries_1_summary_0');
    await summary2.fill('See the full framework.');
    await summary2.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(8, 22));
    await group('Paragraph 1 of 1', group('Entry 2 of 2', section1)).getByRole('button', { name: 'Link' }).click();
    // The Link button leaves its address selected, to be typed over.
    await expect
      .poll(() => summary2.evaluate((area: HTMLTextAreaElement) => document.activeElement === area && area.value.slice(area.selectionStart, area.selectionEnd)))
      .toBe('https://');
    await page.keyboard.type('https://example.org/full');
    await expect.poll(() => summary2.inputValue()).toBe('See the [full framework](https://example.org/full).');

    // Section 2: two case studies, the second moved above the first with the keyboard alone.
    await page.getByRole('button', { name: 'Add section' }).click();
    await field('sections_1_heading').fill('Case studies');
    const section2 = group('Section 2 of 2');
    for (const [i, [title, date, source]] of [
      ['Case study: a ward in the north', '2021', 'Trust A'],
      ['Case study: a community team', '2023', 'Trust B'],
    ].entries()) {
      await section2.getByRole('button', { name: 'Add entry' }).click();
      await field(`sections_1_entries_${i}_title`).fill(title as string);
      await field(`sections_1_entries_${i}_date`).fill(date as string);
      await field(`sections_1_entries_${i}_source`).fill(source as string);
    }
    await group('Entry 2 of 2', section2).getByRole('button', { name: 'Move entry up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => field('sections_1_entries_0_title').inputValue()).toBe('Case study: a community team');

    // Section 3: its entries imported from a RIS file, through the page's file input.
    await page.getByRole('button', { name: 'Add section' }).click();
    await field('sections_2_heading').fill('Research');
    const ris = join(root, 'export.ris');
    writeFileSync(ris, RIS);
    await page.getByLabel('Into the section').selectOption('Research');
    await page.getByLabel('Export file').setInputFiles(ris);
    await page.getByText('From export.ris: 2 to add to "Research", 0 skipped').waitFor();
    await page.getByRole('button', { name: 'Add them' }).click();
    await expect.poll(() => field('sections_2_entries_1_title').inputValue()).toBe('Preceptorship and staying in post');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(errors).toEqual([]);

    const file = join(root, 'briefs', `${name}.json`);
    const text = readFileSync(file, 'utf8');
    // The straight quotes typed are the brief's own (escaped in JSON as the brief writes them), the en dash as typed.
    expect(text).toContain('"title": "The \\"state\\" of preceptorship – a review"');
    const starter = JSON.parse(readFileSync('templates/new-brief.json', 'utf8'));
    const expected = {
      $schema: '../schema/brief.schema.json',
      series: 'Evidence Brief',
      topic: 'Preceptorship',
      author: 'A. Editor',
      organisation: starter.organisation,
      team: starter.team,
      published,
      producedBy: starter.producedBy,
      about: starter.about,
      contact: starter.contact,
      sections: [
        {
          heading: 'Key publications – the big picture',
          entries: [
            {
              title: 'The "state" of preceptorship – a review',
              url: 'https://example.org/state',
              date: 'March 2024',
              source: 'NHS England',
              summary: ['A review of **preceptorship** schemes.'],
            },
            {
              title: 'Preceptorship framework',
              url: 'https://example.org/framework',
              date: 'updated 15 August 2025',
              source: 'Nursing and Midwifery Council',
              access: 'login-required',
              loginService: 'Athens',
              summary: ['See the [full framework](https://example.org/full).'],
            },
          ],
        },
        {
          heading: 'Case studies',
          entries: [
            { title: 'Case study: a community team', date: '2023', source: 'Trust B' },
            { title: 'Case study: a ward in the north', date: '2021', source: 'Trust A' },
          ],
        },
        {
          heading: 'Research',
          entries: [
            { title: 'Retention of newly qualified nurses', url: 'https://example.org/retention', date: 'May 2022', source: 'Nursing Times' },
            { title: 'Preceptorship and staying in post', url: 'https://example.org/staying', date: 'January 2024', source: "The King's Fund" },
          ],
        },
      ],
      closingNote: starter.closingNote,
    };
    const saved = JSON.parse(text);
    expect(saved).toEqual(expected);
    // Equal, and in the same order, key by key: the file is what an editor writing it by hand in this order would have written.
    expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);

    const validated = await runBrief('validate', file);
    expect(validated.code, [...validated.out, ...validated.err].join('\n')).toBe(0);
    const output = join(root, 'built');
    const built = await runBrief('build', file, '--output', output, '--format', 'pdf');
    expect(built.code, [...built.out, ...built.err].join('\n')).toBe(0);
    const pdfText = (await readPdf(join(output, `${name}.pdf`))).pages.join(' ');
    for (const section of expected.sections) for (const entry of section.entries) expect(pdfText).toContain(entry.title);
  });
});
