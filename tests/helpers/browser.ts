import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Debian's Chromium (package `chromium`, installed by .ci/run): playwright-core never downloads
 * a browser of its own. `--no-sandbox` because tests may run as root in a container, where
 * Chromium's sandbox refuses to start.
 */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Time limits generous enough for a machine whose other core is busy building briefs or running
 * LibreOffice: nothing here waits a fixed time, only up to these limits for something to happen.
 */
const launchTimeout = 120_000;
const actionTimeout = 30_000;
const navigationTimeout = 60_000;
/** For vitest's beforeAll/afterAll hooks: launching or closing the browser within it. */
export const browserHookTimeout = launchTimeout + 30_000;

export interface BrowserSession {
  /** A new page in a fresh context (its own viewport, storage, no state from another test), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One Chromium per test file, launched before its first test and closed after its last; each
 * `newPage()` a page in a context of its own, closed after the test that opened it. Call once, at
 * the top level of a test file (or of a describe block).
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let open: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'], timeout: launchTimeout });
  }, browserHookTimeout);

  afterEach(async () => {
    const contexts = open;
    open = [];
    await Promise.all(contexts.map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  }, browserHookTimeout);

  return {
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error('useBrowser: the browser is not running (newPage is for inside a test)');
      const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
      open.push(context);
      context.setDefaultTimeout(actionTimeout);
      context.setDefaultNavigationTimeout(navigationTimeout);
      return context.newPage();
    },
  };
}

/** The WCAG 2.2 AA rules of axe-core (levels A and AA of WCAG 2.0, 2.1 and 2.2). */
export const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFindings {
  /** How many violations (rules broken), 0 when the page passes. */
  count: number;
  /** The violations, one block per rule, each with its elements and what axe says is wrong: for a failing test's message. */
  text: string;
}

/** Run axe on the page with the WCAG 2.2 AA rules; the violations counted and written out readably. */
export async function axeCheck(page: Page): Promise<AxeFindings> {
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  const blocks = results.violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 10).map((node) => {
      const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
      return `    ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
    });
    const more = violation.nodes.length > 10 ? [`    ... and ${violation.nodes.length - 10} more`] : [];
    return [`${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}, ${violation.nodes.length} element(s)`, ...nodes, ...more].join(
      '\n',
    );
  });
  return { count: results.violations.length, text: blocks.join('\n\n') };
}
