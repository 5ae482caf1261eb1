import { describe, expect, it } from 'vitest';
import { axeCheck, useBrowser } from './helpers/browser.js';

const browser = useBrowser();

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
