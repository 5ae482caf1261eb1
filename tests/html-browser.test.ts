import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEntries } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { axeCheck, useBrowser } from './helpers/browser.js';
import { runBrief } from './helpers/cli.js';

/**
 * The HTML page in a real browser (Debian's Chromium): axe's WCAG 2.2 AA rules, reflow to 320
 * CSS pixels, the keyboard (skip link, a visible focus indicator on everything focusable), the
 * contents' links, every entry on the page, and the print style sheet.
 */
const browser = useBrowser();

const desktop = { width: 1280, height: 800 };
/** WCAG 1.4.10: 320 CSS pixels wide, which is also a 1280-pixel window at 400% zoom. */
const narrow = { width: 320, height: 640 };

const readBrief = (file: string): Brief => JSON.parse(readFileSync(file, 'utf8')) as Brief;
const titlesOf = (brief: Brief): string[] => allEntries(brief).map((entry) => entry.title);

const page2021 = (): string => pathToFileURL(join(brief2021().dir, 'peer-support-workers-2021-01.html')).href;

async function open(url: string, viewport = desktop): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

describe('the browser tests themselves', () => {
  it('axe, with the WCAG 2.2 AA rules as run here, finds what is wrong on a bad page', async () => {
    // So that "zero violations" below means the rules ran, not that none were asked for.
    const page = await browser.newPage();
    await page.setContent(
      '<html><head><title>t</title></head><body><main><p style="color:#bbb;background:#fff">pale text</p><a href="#x"></a></main></body></html>',
    );
    const findings = await axeCheck(page);
    expect(findings.text).toContain('color-contrast');
    expect(findings.text).toContain('html-has-lang');
    expect(findings.text).toContain('link-name');
  });
});

describe("the 2021 brief's HTML page in Chromium", () => {
  it('has no WCAG 2.2 AA violations that axe finds, at desktop width and at 320 pixels', async () => {
    for (const viewport of [desktop, narrow]) {
      const page = await open(page2021(), viewport);
      const findings = await axeCheck(page);
      expect(findings.text, `at ${viewport.width} px`).toBe('');
      expect(findings.count).toBe(0);
    }
  });

  it('reflows to 320 CSS pixels wide with no horizontal scrolling (long addresses and words wrap)', async () => {
    const page = await open(page2021(), narrow);
    const widths = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 60)}`);
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
    });
    expect(widths.wide).toEqual([]);
    expect(widths.scrollWidth).toBeLessThanOrEqual(320);
  });

  it('keeps its lines to a comfortable length on a desktop', async () => {
    const page = await open(page2021(), desktop);
    const width = await page.evaluate(() => {
      const paragraph = document.querySelector('main article p:not(.brief-source)') as HTMLElement;
      return { width: paragraph.getBoundingClientRect().width, em: Number.parseFloat(getComputedStyle(paragraph).fontSize) };
    });
    expect(width.width / width.em).toBeGreaterThan(30);
    expect(width.width / width.em).toBeLessThanOrEqual(42);
  });

  it('is read by keyboard: the first Tab reaches the skip link, shown on screen; Enter goes on from main; the next link has a visible outline', async () => {
    const page = await open(page2021(), desktop);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const box = link.getBoundingClientRect();
      const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        className: link.className,
        text: link.textContent,
        width: box.width,
        height: box.height,
        top: box.top,
        left: box.left,
        onTop: centre === link || link.contains(centre),
      };
    });
    expect(skip.className).toBe('brief-skip-link');
    expect(skip.text).toBe('Skip to main content');
    // Shown, at full size, within the window and not covered by anything.
    expect(skip.width).toBeGreaterThan(40);
    expect(skip.height).toBeGreaterThan(12);
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.left).toBeGreaterThanOrEqual(0);
    expect(skip.onTop).toBe(true);

    // Enter takes the reader to main: it is scrolled to the top of the window, and focus goes
    // on from there (on main itself if it takes focus, tabindex=-1; else the browser's
    // starting point for Tab is main), so the next Tab is the first link in main.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Math.abs((document.getElementById('main') as HTMLElement).getBoundingClientRect().top) < 32);
    // Focus itself moves to main (it has tabindex -1), as a screen reader user needs.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const style = getComputedStyle(link);
      return {
        firstInMain: link === document.querySelector('main a[href]'),
        tag: link.tagName,
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
      };
    });
    expect(next).toMatchObject({ firstInMain: true, tag: 'A' });
    expect(next.outlineStyle).not.toBe('none');
    expect(next.outlineWidth).toBeGreaterThanOrEqual(2);
  });

  it('shows a focus outline at least 2 px wide, of 3:1 contrast with what is behind it, on every focusable element', async () => {
    const page = await open(page2021(), desktop);
    await page.keyboard.press('Tab'); // From here on the browser is being used by keyboard, so focus() shows focus as Tab does.
    const result = await page.evaluate(() => {
      const channel = (c: number): number => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const rgb = (colour: string): [number, number, number, number] => {
        const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
        return [r, g, b, a];
      };
      const luminance = ([r, g, b]: readonly [number, number, number, number]): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const backgroundOf = (element: Element | null): [number, number, number, number] => {
        for (let e = element; e; e = e.parentElement) {
          const colour = rgb(getComputedStyle(e).backgroundColor);
          if (colour[3] > 0) return colour;
        }
        return [255, 255, 255, 1];
      };
      const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
      const failures: string[] = [];
      for (const element of focusable) {
        element.focus();
        const style = getComputedStyle(element);
        const width = Number.parseFloat(style.outlineWidth);
        const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(backgroundOf(element.parentElement))];
        const contrast = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        if (document.activeElement !== element || style.outlineStyle === 'none' || width < 2 || contrast < 3) {
          failures.push(
            `${element.outerHTML.slice(0, 80)}: outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}, contrast ${contrast.toFixed(2)}`,
          );
        }
      }
      return { count: focusable.length, failures: failures.slice(0, 5), failed: failures.length };
    });
    expect(result.count).toBeGreaterThan(31); // more than the contents' links
    expect(result.failures).toEqual([]);
  });

  it('has contents links that each go to a heading on the page', async () => {
    const page = await open(page2021(), desktop);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => {
        const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
        return { text: a.textContent, target: target?.tagName ?? null, same: target?.textContent === a.textContent };
      }),
    );
    expect(links).toHaveLength(31);
    for (const link of links) expect(link, link.text ?? '').toMatchObject({ target: expect.stringMatching(/^H[2-6]$/), same: true });
  });

  it('shows every entry title of the brief, in order, each an entry heading', async () => {
    const titles = titlesOf(readBrief('briefs/peer-support-workers-2021-01.json'));
    expect(titles).toHaveLength(118);
    const page = await open(page2021(), desktop);
    const { shown, headings } = await page.evaluate(() => ({
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, which leaves out what the style sheet hides
      shown: document.body.innerText.replace(/\s+/g, ' '),
      headings: [...document.querySelectorAll('article h3, article h4')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
    }));
    for (const title of titles) expect(shown).toContain(title.replace(/\s+/g, ' '));
    expect(headings).toEqual(titles);
  });

  it('prints without the skip link, with the addresses of links after them, entries kept on one page and the box filled', async () => {
    const page = await open(page2021(), desktop);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('main a[href^="http"]') as HTMLAnchorElement;
      const box = document.querySelector('.brief-box') as HTMLElement;
      return {
        skip: getComputedStyle(document.querySelector('.brief-skip-link') as Element).display,
        after: getComputedStyle(link, '::after').content,
        href: link.href,
        internalAfter: getComputedStyle(document.querySelector('nav a') as Element, '::after').content,
        entryBreak: getComputedStyle(document.querySelector('article') as Element).breakInside,
        boxFill: getComputedStyle(box).backgroundColor,
        boxAdjust: getComputedStyle(box).printColorAdjust,
      };
    });
    expect(printed.skip).toBe('none');
    expect(printed.after).toContain(printed.href);
    expect(printed.internalAfter).toBe('none');
    expect(printed.entryBreak).toBe('avoid');
    expect(printed.boxFill).not.toBe('rgba(0, 0, 0, 0)');
    expect(printed.boxAdjust).toBe('exact');
  });
});

/** A long web address as a link's text, and a long word: neither has anywhere to break but where the style sheet lets it. */
const longAddress = 'https://www.example.org/evidence/nurse-retention/2026/an-address-with-no-spaces-at-all/supplementary-material.pdf';
const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis';

describe("the Nurse Retention brief's HTML page in Chromium", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brief-html-browser-'));
    // The brief as it is, and a copy whose note has a long address and a long word (on the page and in print): web pages only, all these tests open.
    const brief = readBrief('briefs/nurse-retention-2026-11.json');
    const longWords = { ...brief, note: [...(brief.note ?? []), `See [${longAddress}](${longAddress}) on ${longWord}.`] };
    writeFileSync(join(dir, 'long-words.json'), JSON.stringify(longWords, null, 2));
    const { code, out, err } = await runBrief(
      'build',
      'briefs/nurse-retention-2026-11.json',
      join(dir, 'long-words.json'),
      '--output',
      dir,
      '--format',
      'html',
    );
    expect(code, [...out, ...err].join('\n')).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no WCAG 2.2 AA violations that axe finds, shows every entry title and reflows to 320 pixels', async () => {
    const page = await open(pathToFileURL(join(dir, 'nurse-retention-2026-11.html')).href, desktop);
    const findings = await axeCheck(page);
    expect(findings.text).toBe('');
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, which leaves out what the style sheet hides
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
    for (const title of titlesOf(readBrief('briefs/nurse-retention-2026-11.json'))) expect(shown).toContain(title);
    await page.setViewportSize(narrow);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('wraps a long web address and a long word at 320 pixels, on screen and in print', async () => {
    const page = await open(pathToFileURL(join(dir, 'long-words.html')).href, narrow);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, which leaves out what the style sheet hides
    const shown = await page.evaluate(() => document.body.innerText);
    expect(shown).toContain(longAddress);
    expect(shown).toContain(longWord);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
