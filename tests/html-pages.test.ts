import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/types.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { briefArbitrary } from './helpers/briefArbitraries.js';
import { attr, headings, htmlValidateErrors, parseHtml, text } from './helpers/html.js';

const work = mkdtempSync(join(tmpdir(), 'brief-html-pages-'));
const context = createBuildContext({ outputDir: join(work, 'out') });
const minimal = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as Brief;

/** Build a brief's page alone (no PDF is laid out for it) and return its source. */
async function page(name: string, brief: Brief): Promise<string> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(brief, null, 2));
  const result = await buildBrief({ path, file: path }, context, { formats: ['html'] });
  expect(result.ok, JSON.stringify(result.ok ? '' : result.diagnostics)).toBe(true);
  if (result.ok) expect(result.outputs.map((o) => o.format)).toEqual(['html']);
  return readFileSync(join(work, 'out', `${name}.html`), 'utf8');
}

describe('the HTML page', () => {
  it('escapes &, < and " exactly once, in text and in attributes, and reads back as typed', async () => {
    const topic = 'R&D <Care> "Quoted"';
    const title = 'Fish & Chips < "Pie" &amp; more';
    const url = 'https://example.org/search?q=a&b=%22c%22';
    const brief: Brief = structuredClone(minimal);
    brief.topic = topic;
    const entry = brief.sections[0]?.entries?.[0];
    if (!entry || 'note' in entry) throw new Error('the minimal brief has an entry first');
    Object.assign(entry, { title, url });
    const source = await page('escaping', brief);

    expect(source).toContain('<title>Evidence Brief: R&amp;D &lt;Care&gt; "Quoted"</title>');
    expect(source).toContain('<h1 class="brief-title">Evidence Brief: R&amp;D &lt;Care&gt; "Quoted"</h1>');
    expect(source).toContain(`<a href="https://example.org/search?q=a&amp;b=%22c%22">Fish &amp; Chips &lt; "Pie" &amp;amp; more</a>`);
    // In an attribute value (double-quoted), & and " are escaped; < needs no escape there.
    expect(source).toContain('<meta name="keywords" content="R&amp;D <Care> &quot;Quoted&quot;, Evidence Brief,');
    // Escaped once: the only "&amp;amp;" is the title's own "&amp;", typed as text.
    expect(source.match(/&amp;amp;/g)).toHaveLength(1);
    expect(source).not.toMatch(/&amp;(lt|gt|quot);/);

    const read = parseHtml(source);
    expect(text(read.all('title'))).toBe(`Evidence Brief: ${topic}`);
    expect(text(read.all('h1'))).toBe(`Evidence Brief: ${topic}`);
    const link = read.all('a').find((a) => attr(a, 'href') === url);
    expect(link && text(link)).toBe(title);
    expect(
      attr(
        read.all('meta').find((m) => attr(m, 'name') === 'keywords'),
        'content',
      ),
    ).toBe(`${topic}, Evidence Brief, ${brief.organisation}`);
  });

  it('built alone, links to no PDF or Word document', async () => {
    const source = await page('alone', minimal);
    expect(source).not.toContain('<p class="brief-downloads">');
    expect(
      parseHtml(source)
        .all('a')
        .filter((a) => /\.(pdf|docx)$/.test(attr(a, 'href') ?? '')),
    ).toEqual([]);
  });

  it('has no html-validate errors, one h1 and no skipped heading level, for briefs made at random', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(briefArbitrary, async (brief: Brief) => {
        const source = await page(`random-${run++}`, brief);
        expect(await htmlValidateErrors(source)).toEqual([]);
        const all = headings(parseHtml(source));
        expect(all.filter((h) => h.rank === 1)).toHaveLength(1);
        all.forEach((h, i) => {
          if (i > 0) expect(h.rank).toBeLessThanOrEqual((all[i - 1]?.rank as number) + 1);
        });
      }),
      { numRuns: 12, seed: 20_261_130 },
    );
  }, 300_000);
});
