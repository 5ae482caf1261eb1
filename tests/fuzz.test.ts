import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brief, Entry } from '../src/brief/types.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { readBrief } from '../src/pipeline/readBrief.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';

const work = mkdtempSync(join(tmpdir(), 'brief-fuzz-'));
const context = createBuildContext({ outputDir: join(work, 'out') });
const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');

// Text as people type it: Latin letters with accents and Welsh letters, digits, punctuation,
// curly quotes and dashes, markup-like characters, and inline markup mixed in.
const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éèàçñöüŵŷŴŶâêîôû'.split(''));
const punctuation = fc.constantFrom(...'.,;:!?\'"()-–—‘’“”…/&%£€<>{}#'.split(''));
const word = fc
  .array(fc.oneof({ weight: 8, arbitrary: letters }, { weight: 2, arbitrary: punctuation }), { minLength: 1, maxLength: 12 })
  .map((c) => c.join(''));
const plainText = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .map((w) => w.join(' ').trim())
  .filter((t) => t.length > 0);
const richText = fc
  .array(
    fc.oneof(
      plainText,
      plainText.map((t) => `**${t.replace(/[*_\\[\]^`<]/g, '')}**`),
      plainText.map((t) => `*${t.replace(/[*_\\[\]^`<]/g, '')}*`),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join(' '));
const entry: fc.Arbitrary<Entry> = fc.record(
  {
    title: plainText,
    url: fc.constant('https://example.org/x'),
    date: fc.constantFrom('2020', 'March 2020', 'Spring 2018', 'n.d.', '16 July 2025', 'updated 15 August 2025', 'published online 21 May 2020'),
    source: plainText,
    summary: fc.array(
      fc.oneof(
        richText,
        fc.array(richText, { minLength: 1, maxLength: 3 }).map((list) => ({ list })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { requiredKeys: ['title'] },
);
const briefs = fc
  .array(fc.record({ heading: plainText, entries: fc.array(entry, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 3 })
  .map((sections): Brief => ({ ...(JSON.parse(minimal) as Brief), sections }));

describe('property-based: any valid brief builds', () => {
  it('never throws, and every entry title reaches both the PDF and the Word document', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(briefs, async (brief) => {
        const path = join(work, `brief-${run++}.json`);
        writeFileSync(path, JSON.stringify(brief, null, 2));
        const result = await buildBrief({ path, file: path }, context);
        expect(result.ok, JSON.stringify(result.ok ? '' : result.diagnostics)).toBe(true);
        // A zero-width space is where the .docx may break a line inside a word, as the PDF did: invisible, not text.
        const squeeze = (s: string) => s.replace(/[\s\u200b]+/g, '');
        const pdf = squeeze((await readPdf(path.replace(/\.json$/, '.pdf').replace(work, join(work, 'out')))).pages.join(''));
        const docx = squeeze(
          all((await readDocx(path.replace(/\.json$/, '.docx').replace(work, join(work, 'out')))).document, 'w:p')
            .map(paragraphText)
            .join(''),
        );
        for (const section of brief.sections) {
          for (const item of section.entries ?? []) {
            const title = squeeze((item as Entry).title);
            expect(pdf).toContain(title);
            expect(docx).toContain(title);
          }
        }
      }),
      { numRuns: 12, seed: 20_261_126 },
    );
  }, 120_000);
});

describe('property-based: a damaged brief is reported or builds, and never crashes', () => {
  const valid = minimal;
  const damage = fc.oneof(
    // delete a stretch, insert characters, or replace one character
    fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 20 })).map(([at, n]) => valid.slice(0, at) + valid.slice(at + n)),
    fc.tuple(fc.nat(valid.length), fc.string({ minLength: 1, maxLength: 5 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at)),
    fc
      .tuple(fc.nat(valid.length - 1), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', '\u0000', 'é'))
      .map(([at, c]) => valid.slice(0, at) + c + valid.slice(at + 1)),
  );

  it('gives diagnostics with a place, or a clean build', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (text) => {
        const path = join(work, `damaged-${run++}.json`);
        writeFileSync(path, text);
        const read = await readBrief({ path, file: path }, context.briefValidator);
        if (!read.ok) {
          expect(read.diagnostics.length).toBeGreaterThan(0);
          for (const d of read.diagnostics) {
            expect(d.file).toBe(path);
            expect(d.message.length).toBeGreaterThan(10);
            if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        const result = await buildBrief({ path, file: path }, context);
        if (!result.ok) for (const d of result.diagnostics) expect(d.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 150, seed: 2021 },
    );
  }, 120_000);
});
