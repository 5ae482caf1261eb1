import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBrief } from './helpers/cli.js';
import { readDrawing, type Drawn, type Placed } from './helpers/pdfDrawing.js';

/** Headings of every fit: one that wraps, one that nearly fills its line, a short one; and an entry title that wraps. */
const headings = [
  'A heading long enough to wrap onto a second line of the contents page, so that its leader must follow its last line',
  'A heading that nearly fills the whole contents line, all the way along to the number column',
  'Short',
  'A heading that nearly fills the whole contents line, all the way along to the number col',
];
const wrappedTitle =
  'A linked title long enough to wrap at a space so that the underline of its first line must not run on past its last letter into the margin';
const out = mkdtempSync(join(tmpdir(), 'brief-contents-'));
const pdf = join(out, 'contents.pdf');

beforeAll(async () => {
  const brief = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8'));
  brief.$schema = '../../../schema/brief.schema.json';
  const section = brief.sections[0];
  brief.sections = headings.map((heading) => ({ ...section, heading }));
  brief.sections[2].subsections = [{ heading: 'A subsection, indented', entries: section.entries }];
  brief.sections[0].entries = [{ ...section.entries[0], title: wrappedTitle }];
  const file = join(out, 'contents.json');
  writeFileSync(file, JSON.stringify(brief));
  expect((await runBrief('build', file, '--output', out)).code).toBe(0);
}, 60_000);

const near = (a: number, b: number, within = 0.5) => Math.abs(a - b) <= within;

describe('the PDF contents page', () => {
  it("draws each line's dot leader on the heading's last line, from its last word to its page number", async () => {
    const { drawn, text } = await readDrawing(pdf, 2);
    const leaders = drawn.filter((d) => d.dashed && d.kind === 'line');
    const numbers = text.filter((t) => /^\d+$/.test(t.text));
    expect(numbers).toHaveLength(headings.length + 2); // and the subsection and the closing note
    for (const number of numbers) {
      // The heading's last line: the text that ends nearest to the left of the number, on its baseline.
      const last = text.filter((t) => t !== number && near(t.baseline, number.baseline) && t.x < number.x).at(-1) as Placed;
      expect(last, `a heading line beside page number at ${number.baseline}`).toBeDefined();
      const leader = leaders.find((l) => near(l.y1, number.baseline) && near(l.y2, number.baseline)) as Drawn;
      expect(leader, `a leader on the line of "${last.text}"`).toBeDefined();
      expect(leader.x1).toBeGreaterThan(last.x + last.width);
      expect(leader.x1 - (last.x + last.width)).toBeLessThan(6);
      expect(leader.x2).toBeLessThan(number.x);
      expect(number.x - leader.x2).toBeLessThan(6);
    }
    // No other dots: none under a line, none on a heading's first line when it wraps.
    expect(leaders).toHaveLength(numbers.length);
    // Every number ends at the right margin, a subsection's as a section's.
    for (const number of numbers) expect(number.x + number.width).toBeCloseTo(595.28 - 56, 1);
  });
});

describe('a linked title that wraps', () => {
  it('is underlined to its last letter on each line, not over the space where it wrapped', async () => {
    const { drawn, text } = await readDrawing(pdf, 3);
    const firstLine = text.find((t) => wrappedTitle.startsWith(t.text) && t.text.length > 20) as Placed;
    expect(firstLine).toBeDefined();
    const underline = drawn.find(
      (d) => d.kind === 'rectangle' && !d.dashed && d.y2 < firstLine.baseline && firstLine.baseline - d.y2 < 3 && near(d.x1, firstLine.x),
    ) as Drawn;
    expect(underline, 'an underline under the first line').toBeDefined();
    // pdf.js measures the text without the space pdfmake cut at the line's end.
    expect(near(underline.x2, firstLine.x + firstLine.width, 0.6)).toBe(true);
  });
});
