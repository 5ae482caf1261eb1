import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBrief } from './helpers/cli.js';
import { all, attr, paragraphText, readDocx } from './helpers/docx.js';
import { readDrawing, type Placed } from './helpers/pdfDrawing.js';

/** Notes (a section's, and one between entries) are set apart from the entries' summaries, in both documents. */
const sectionNote = 'A section note: more resources are on the HEE Star.';
const itemNote = 'A note between two entries, which must not read as the summary above it.';
const summary = 'The summary of the first report.';
const out = mkdtempSync(join(tmpdir(), 'brief-notes-'));

beforeAll(async () => {
  const brief = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8'));
  brief.$schema = '../../../schema/brief.schema.json';
  const entry = { ...brief.sections[0].entries[0], summary: [summary] };
  brief.sections = [
    {
      heading: 'Key publications',
      note: [sectionNote],
      entries: [entry, { note: [itemNote, { list: ['a bullet in a note'] }] }, { ...entry, title: 'A second report' }],
    },
  ];
  const file = join(out, 'notes.json');
  writeFileSync(file, JSON.stringify(brief));
  expect((await runBrief('build', file, '--output', out)).code).toBe(0);
}, 60_000);

describe('notes among the references', () => {
  it('in the PDF, are indented beside a rule down their left side; summaries are not', async () => {
    const { drawn, text } = await readDrawing(join(out, 'notes.pdf'), 3);
    const find = (start: string) => text.find((t) => t.text.startsWith(start)) as Placed;
    const [note, between, bullet, plain] = [find('A section note'), find('A note between'), find('a bullet in a note'), find('The summary')];
    expect(plain.x).toBe(56); // the page's left margin
    for (const placed of [note, between]) expect(placed.x).toBeCloseTo(plain.x + 10, 1); // a 2 pt rule and an 8 pt gap
    expect(bullet.x).toBeGreaterThan(between.x);
    const rules = drawn.filter((d) => !d.dashed && Math.abs(d.x1 - d.x2) < 0.01 && d.x1 > plain.x - 1 && d.x1 < plain.x + 3);
    const beside = (placed: Placed) => rules.some((r) => Math.min(r.y1, r.y2) < placed.baseline && Math.max(r.y1, r.y2) > placed.baseline);
    expect(beside(note)).toBe(true);
    expect(beside(between)).toBe(true);
    expect(beside(bullet)).toBe(true);
    expect(beside(plain)).toBe(false);
  });

  it('in the Word document, have a rule down their left side and are indented; summaries are not', async () => {
    const docx = await readDocx(join(out, 'notes.docx'));
    const paragraph = (start: string) => all(docx.document, 'w:p').find((p) => paragraphText(p).startsWith(start));
    const leftRule = (start: string) =>
      attr(
        all(paragraph(start) ?? [], 'w:left').find((e) => e.parent && (e.parent as { name?: string }).name === 'w:pBdr'),
        'w:val',
      );
    const indent = (start: string) => attr(all(paragraph(start) ?? [], 'w:ind')[0], 'w:left');
    for (const start of ['A section note', 'A note between', 'a bullet in a note']) expect(leftRule(start), start).toBe('single');
    expect(indent('A section note')).toBe('200'); // 10 pt, in twentieths of a point
    expect(Number(indent('a bullet in a note'))).toBeGreaterThan(200);
    expect(leftRule('The summary')).toBeUndefined();
    expect(indent('The summary')).toBeUndefined();
  });
});
