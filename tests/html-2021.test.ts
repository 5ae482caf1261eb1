import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { runBrief } from './helpers/cli.js';
import { attr, headings, htmlValidateErrors, readHtml, text, within } from './helpers/html.js';
import { readPdf } from './helpers/pdf.js';

/** The 2021 brief's web page, as `brief build` wrote it beside the PDF and .docx (tests/globalSetup.ts). */
const { html, pdf, docx, dir, buildLine } = brief2021();
const page = readHtml(html);
const source = JSON.parse(readFileSync('briefs/peer-support-workers-2021-01.json', 'utf8')) as Brief;
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

describe("the 2021 brief's HTML page", () => {
  it('is named on the build line, after the PDF and the .docx', () => {
    const kb = (path: string) => `${Math.round(statSync(path).size / 1024)} KB`;
    expect(buildLine).toMatch(
      new RegExp(`\\.pdf \\(25 pages, ${kb(pdf)}\\), .*\\.docx \\(${kb(docx)}\\) and .*peer-support-workers-2021-01\\.html \\(${kb(html)}\\) in `),
    );
  });

  it('says its language, title, character set and viewport', () => {
    expect(attr(page.all('html')[0], 'lang')).toBe('en-GB');
    expect(page.all('title').map(text)).toEqual(['Evidence Brief: Peer Support Workers']);
    expect(page.all('meta').map((m) => [attr(m, 'charset') ?? attr(m, 'name'), attr(m, 'content')])).toEqual([
      ['utf-8', undefined],
      ['viewport', 'width=device-width, initial-scale=1'],
      ['author', 'Katie Nicholas'],
      ['description', 'Evidence Brief on Peer Support Workers: published reports, research and evidence, January 2021'],
      ['keywords', 'Peer Support Workers, Evidence Brief, Health Education England'],
    ]);
  });

  it('starts with a skip link to <main>, then the header, the contents and main, with the theme inlined', () => {
    const body = page.all('body')[0];
    const parts = (body?.children ?? []).filter((c) => c.type === 'tag').map((c) => (c as (typeof page.elements)[number]).name);
    expect(parts).toEqual(['a', 'header', 'nav', 'main']);
    const skip = page.all('a')[0];
    expect([attr(skip, 'href'), text(skip as never)]).toEqual(['#main', 'Skip to main content']);
    expect(page.all('main').map((m) => attr(m, 'id'))).toEqual(['main']);
    const style = text(page.all('style'));
    expect(style).toContain('--brief-link: #005EB8;');
    expect(style).toContain('--brief-font: "Arimo", Arial, sans-serif;');
    // Self-contained: nothing loaded from elsewhere.
    expect(page.all('link')).toEqual([]);
    expect(page.all('script')).toEqual([]);
  });

  it('has one h1, the title, and headings that never skip a level: sections h2, subsections h3, entries one below', () => {
    const all = headings(page);
    expect(all.filter((h) => h.rank === 1).map((h) => text(h.element))).toEqual(['Evidence Brief: Peer Support Workers']);
    all.forEach((h, i) => {
      if (i > 0) expect(h.rank, `${h.element.name} "${text(h.element)}"`).toBeLessThanOrEqual((all[i - 1]?.rank as number) + 1);
    });
    const rankOf = (id: string) => all.find((h) => attr(h.element, 'id') === id)?.rank;
    expect([rankOf('section-1'), rankOf('entry-1'), rankOf('section-6-1'), rankOf('closing-note')]).toEqual([2, 3, 3, 2]);
    // Entries under a subsection are h4: the first after the first subsection's heading.
    const subsection = page.elements.indexOf(page.byId('section-6-1') as never);
    const entry = all.find((h) => page.elements.indexOf(h.element) > subsection && (attr(h.element, 'id') ?? '').startsWith('entry-'));
    expect(entry?.element.name).toBe('h4');
    expect(all.filter((h) => h.rank === 4).length).toBeGreaterThan(50);
  });

  it('puts each of the 118 entries in an article: its title heading, source line and summary', () => {
    const articles = page.all('article');
    expect(articles).toHaveLength(118);
    const titles = articles.map((a) => within(a, 'h3').concat(within(a, 'h4')));
    expect(titles.every((t) => t.length === 1)).toBe(true);
    expect(articles.map((a) => attr(within(a, 'h3').concat(within(a, 'h4'))[0], 'id'))).toEqual(Array.from({ length: 118 }, (_, i) => `entry-${i + 1}`));
    const firstEntry = articles[0] as (typeof articles)[number];
    expect(within(firstEntry, 'p').map((p) => [attr(p, 'class'), squeeze(text(p)).slice(0, 30)])).toEqual([
      ['brief-source', 'January 2019, NHS'],
      [undefined, 'See p. 90 The NHS Long Term Pl'],
      [undefined, '“Examples of specific requirem'],
    ]);
    // Summaries' bullet lists are real lists.
    expect(within(articles[2] as never, 'li').map(text)).toEqual([
      'Service provision and activity',
      'Workforce size',
      'Workforce demographics',
      'Workforce key performance indicators including sickness, vacancies and temporary staffing',
    ]);
  });

  it('has a contents nav with a link to each of the 31 contents headings, whose targets exist', () => {
    const navs = page.all('nav');
    expect(navs.map((n) => attr(n, 'aria-label'))).toEqual(['Contents']);
    const links = within(navs[0] as never, 'a');
    expect(links).toHaveLength(31);
    for (const link of links) {
      const target = page.byId((attr(link, 'href') ?? '').slice(1));
      expect(target?.name, attr(link, 'href')).toMatch(/^h[23]$/);
      expect(text(target as never)).toBe(text(link));
    }
    // Subsections' links are in a list inside their section's item.
    expect(within(navs[0] as never, 'ul')).toHaveLength(2);
    expect(
      page
        .all('nav')
        .flatMap((n) => within(n, 'a'))
        .some((a) => /\bpage\b|\d+$/.test(text(a)) && text(a) !== 'COVID-19'),
    ).toBe(false);
  });

  it('shows the logo inlined, with its alternative text', () => {
    const images = page.all('img');
    expect(images.map((i) => [attr(i, 'alt'), attr(i, 'width'), attr(i, 'height'), attr(i, 'src')?.slice(0, 22)])).toEqual([
      ['Knowledge Management', '200', '64', 'data:image/png;base64,'],
    ]);
    const logo = readFileSync('templates/themes/hee/images/logo.png');
    expect(Buffer.from(attr(images[0], 'src')?.split(',')[1] ?? '', 'base64').equals(logo)).toBe(true);
  });

  it('links the PDF and the .docx built with it, with their sizes, near the top', () => {
    const downloads = page.all('p').find((p) => attr(p, 'class') === 'brief-downloads');
    const kb = (path: string) => Math.round(statSync(path).size / 1024);
    expect(within(downloads as never, 'a').map((a) => [attr(a, 'href'), text(a)])).toEqual([
      ['peer-support-workers-2021-01.pdf', `PDF, ${kb(pdf)} KB`],
      ['peer-support-workers-2021-01.docx', `Word document, ${kb(docx)} KB`],
    ]);
    expect(page.elements.indexOf(downloads as never)).toBeLessThan(page.elements.indexOf(page.all('nav')[0] as never));
  });

  it('has every link of the PDF, and the access markers link to the closing note, named for it', async () => {
    const hrefs = new Set(page.all('a').map((a) => attr(a, 'href')));
    const read = await readPdf(pdf);
    const external = [...new Set(read.links.flatMap((l) => (l.url ? [l.url] : [])))];
    expect(external.length).toBeGreaterThan(0);
    for (const url of external) expect(hrefs.has(url), url).toBe(true);
    for (const dest of new Set(read.links.flatMap((l) => (l.dest ? [l.dest] : [])))) expect(hrefs.has(`#${dest}`), dest).toBe(true);

    const markers = page.all('a').filter((a) => attr(a, 'class') === 'brief-access-marker');
    const marked = [...source.sections, ...source.sections.flatMap((s) => s.subsections ?? [])]
      .flatMap((s) => s.entries ?? [])
      .filter((e) => 'access' in e && e.access !== undefined && e.access !== 'free');
    expect(markers).toHaveLength(marked.length);
    expect(new Set(markers.map((m) => `${attr(m, 'href')} ${attr(m, 'aria-label')} ${text(m)}`))).toEqual(
      new Set(['#closing-note how to get access: see the closing note *']),
    );
    expect(text(page.byId('closing-note') as never)).toBe('*Help accessing articles or papers');
  });

  it('sets the notes apart and makes the acknowledgement box a region named by its caption', () => {
    const notes = page.all('aside');
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes.map((n) => `${attr(n, 'class')} ${attr(n, 'role')}`))).toEqual(new Set(['brief-note note']));
    const box = page.all('section').filter((s) => attr(s, 'class') === 'brief-box');
    expect(box).toHaveLength(1);
    expect(text(page.byId(attr(box[0], 'aria-labelledby') ?? '') as never)).toBe('Please acknowledge this work in any resulting paper or presentation as:');
  });

  it('has no html-validate errors (html-validate:recommended)', async () => {
    expect(await htmlValidateErrors(readFileSync(html, 'utf8'))).toEqual([]);
  });

  it('is byte for byte the same when built again', async () => {
    const again = mkdtempSync(join(tmpdir(), 'brief-html-again-'));
    const result = await runBrief('build', 'briefs/peer-support-workers-2021-01.json', '--output', again);
    expect(result.code).toBe(0);
    expect(readFileSync(join(again, 'peer-support-workers-2021-01.html')).equals(readFileSync(html))).toBe(true);
    expect(dir).not.toBe(again);
  }, 120_000);
});
