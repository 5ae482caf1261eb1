import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reorderArrays } from '../src/authoring/reorderJson.js';
import { newer, planSort } from '../src/authoring/sortEntries.js';
import { isNewer, QUALIFIERS, SEASONS, sortableDate } from '../src/brief/dates.js';
import { MONTHS } from '../src/brief/months.js';
import { isNoteItem, type Brief, type Entry, type Section, type SectionItem, type Subsection } from '../src/brief/types.js';
import { lintBrief } from '../src/lint/lintBrief.js';
import { buildSourceMap } from '../src/load/sourceMap.js';
import { runBrief } from './helpers/cli.js';

const minimal = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as Brief;

/**
 * A brief as a person might have typed it: some entries on one line, others spread out, a note
 * between entries, and a subsection. Entries are out of order in "Key publications" and in the
 * subsection, where a note keeps "Newest" after older entries.
 */
const typed = `{
  "$schema": "${join(process.cwd(), 'schema', 'brief.schema.json')}",
  "series": "Evidence Brief",
  "topic": "Sorting",
  "author": "A. Person",
  "organisation": "Health Education England",
  "team": "HEE Knowledge Management Team",
  "published": "2021-01",
  "acknowledgement": "Evidence Brief: Sorting. A. Person. (January 2021).",
  "sections": [
    {
      "heading": "Key publications",
      "entries": [
        { "title": "Old", "url": "https://example.org/old", "date": "2019" },
        {   "title": "No date",   "url": "https://example.org/nd", "date": "n.d." },
        {
          "title": "New",
          "url": "https://example.org/new",
          "date": "March 2021",
          "summary": ["Kept as typed: \\u00e9, \\"quoted\\"."]
        },
        { "note": ["A note between entries."] },
        { "title": "Later", "url": "https://example.org/later", "date": "updated 15 August 2025" }
      ]
    },
    {
      "heading": "Research",
      "subsections": [
        {
          "heading": "Reviews",
          "entries": [
            {"title": "Spring", "url": "https://example.org/spring", "date": "Spring 2018"},
            {"title": "Day", "url": "https://example.org/day", "date": "16 July 2018"},
            {"note": ["A note that keeps what follows apart."]},
            {"title": "Newest", "url": "https://example.org/newest", "date": "2020"}
          ]
        }
      ]
    }
  ],
  "closingNote": { "heading": "*Help accessing articles or papers", "body": ["Ask the library."] }
}
`;

/** `typed` as it must be after sorting: the moved entries' text in each other's places, every other byte the same. */
const sortedText = (() => {
  const line = (title: string) => (typed.split('\n').find((l) => l.includes(`"title": "${title}"`)) as string).trim().replace(/,$/, '');
  const block = typed.slice(typed.indexOf('{\n          "title": "New"'), typed.indexOf('},\n        { "note"') + 1);
  return typed
    .replace(line('Old'), '@OLD@')
    .replace(line('No date'), '@ND@')
    .replace(block, '@NEW@')
    .replace('@OLD@', block)
    .replace('@ND@', line('Old'))
    .replace('@NEW@', line('No date'))
    .replace(line('Spring'), '@SPRING@')
    .replace(line('Day'), line('Spring'))
    .replace('@SPRING@', line('Day'));
})();

function project(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'brief-sort-'));
  const file = join(dir, 'sorting.json');
  writeFileSync(file, text);
  return { dir, file };
}

describe('brief sort', () => {
  it('puts entries newest first, undated last, not past a note; says what moved; changes no other byte', async () => {
    const { file } = project(typed);
    const result = await runBrief('sort', file);
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      `${file}: Key publications: moved "New" (March 2021) before "Old" (2019)`,
      `${file}: Research > Reviews: moved "Day" (16 July 2018) before "Spring" (Spring 2018)`,
      `${file}: Research > Reviews: "Newest" (2020) comes after "Spring" (Spring 2018) with a note between them; brief sort does not move entries past a note: move them by hand if they belong together`,
      `${file}: 2 entries moved; saved`,
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(sortedText);
    const titles = (JSON.parse(sortedText) as Brief).sections[0]?.entries?.map((e) => ('title' in e ? e.title : 'NOTE'));
    expect(titles).toEqual(['New', 'Old', 'No date', 'NOTE', 'Later']);

    const again = await runBrief('sort', file);
    expect(again.out.at(-1)).toBe(`${file}: already newest first`);
    expect(readFileSync(file, 'utf8')).toBe(sortedText);
  });

  it('with --dry-run says what would move and changes nothing', async () => {
    const { file } = project(typed);
    const result = await runBrief('sort', '--dry-run', file);
    expect(result.out[0]).toBe(`${file}: Key publications: would move "New" (March 2021) before "Old" (2019)`);
    expect(result.out.at(-1)).toBe(`${file}: 2 entries would move; nothing was changed (--dry-run)`);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(typed);
  });

  it('keeps Windows line ends and a byte order mark', async () => {
    const { file } = project(`\uFEFF${typed.replace(/\n/g, '\r\n')}`);
    expect((await runBrief('sort', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${sortedText.replace(/\n/g, '\r\n')}`);
  });

  it('refuses an invalid brief with the validator’s messages, and leaves it as it is', async () => {
    const broken = typed.replace('"date": "2019"', '"date": "Mar 2019"');
    const { file } = project(broken);
    const result = await runBrief('sort', file);
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:14:69  /sections/0/entries/0/date  "date" should be a year`));
    expect(result.out.at(-1)).toBe(`${file}: not sorted: fix these problems first`);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('says so when a brief is already newest first', async () => {
    const { file } = project(JSON.stringify(minimal, null, 2).replace('../../../schema', join(process.cwd(), 'schema')));
    const result = await runBrief('sort', file);
    expect(result.out).toEqual([`${file}: already newest first`]);
    expect(result.code).toBe(0);
  });
});

// Years close together, so that many dates tie or cannot be compared ("2020" and "March 2020").
const date: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant('n.d.'),
  fc
    .record({
      qualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: undefined }),
      year: fc.integer({ min: 2018, max: 2020 }),
      kind: fc.constantFrom('year', 'month', 'day', 'season'),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 1, max: 28 }),
      season: fc.constantFrom(...SEASONS),
    })
    .map(({ qualifier, year, kind, month, day, season }) => {
      const when = { year: '', month: `${MONTHS[month]} `, day: `${day} ${MONTHS[month]} `, season: `${season} ` }[kind];
      return `${qualifier ? `${qualifier} ` : ''}${when}${year}`;
    }),
);

let serial = 0;
const entry: fc.Arbitrary<Entry> = date.map((d) => {
  serial++;
  return { title: `Entry ${serial}`, url: `https://example.org/${serial}`, ...(d === undefined ? {} : { date: d }) };
});
const items: fc.Arbitrary<SectionItem[]> = fc.array(
  fc.oneof({ weight: 6, arbitrary: entry }, { weight: 1, arbitrary: fc.constant<SectionItem>({ note: ['A note.'] }) }),
  {
    maxLength: 14,
  },
);
const sections: fc.Arbitrary<Section[]> = fc.array(
  fc.record({
    heading: fc.constant('Section'),
    entries: items,
    subsections: fc.array(fc.record({ heading: fc.constant('Subsection'), entries: items }), { maxLength: 2 }),
  }),
  { minLength: 1, maxLength: 3 },
);

/** Every entries list of a brief with its pointer. */
function lists(brief: Brief): [string, SectionItem[]][] {
  return brief.sections.flatMap((s, i) => [
    [`/sections/${i}/entries`, s.entries ?? []] as [string, SectionItem[]],
    ...(s.subsections ?? []).map((sub: Subsection, k) => [`/sections/${i}/subsections/${k}/entries`, sub.entries ?? []] as [string, SectionItem[]]),
  ]);
}

function lint(brief: Brief) {
  const text = JSON.stringify(brief, null, 2);
  return lintBrief(brief, { file: 'x.json', text, data: brief, sourceMap: buildSourceMap(text) });
}

describe('brief sort on briefs made at random', () => {
  it('leaves lint no disorder, keeps every entry and every note in place, and sorting twice changes nothing', () => {
    fc.assert(
      fc.property(sections, (made) => {
        const brief: Brief = { ...structuredClone(minimal), sections: made };
        const plan = planSort(brief);

        // Lint asks for newest first only between notes, as sort sorts.
        expect(lint(plan.brief).filter((d) => d.message.startsWith('not newest first'))).toEqual([]);

        lists(brief).forEach(([pointer, before], n) => {
          const after = (lists(plan.brief)[n] as [string, SectionItem[]])[1];
          expect(lists(plan.brief)[n]?.[0]).toBe(pointer);
          const key = (item: SectionItem) => JSON.stringify(item);
          expect(after.map(key).sort()).toEqual(before.map(key).sort());
          before.forEach((item, i) => {
            if (isNoteItem(item)) expect(after[i]).toEqual(item);
          });
        });

        const twice = planSort(plan.brief);
        expect(twice.moves).toEqual([]);
        expect(twice.orders.size).toBe(0);
        expect(twice.brief).toEqual(plan.brief);

        const text = JSON.stringify(brief, null, 2);
        expect(reorderArrays(text, plan.orders)).toBe(JSON.stringify(plan.brief, null, 2));
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it('entries with the same date, or dates that cannot be compared, keep their order', () => {
    const dates = ['2020', 'March 2020', 'updated 2020', 'n.d.', 'May 2019', 'May 2019', 'published online 2019'];
    const brief: Brief = {
      ...structuredClone(minimal),
      sections: [{ heading: 'S', entries: dates.map((d, i) => ({ title: `T${i}`, date: d })) }],
    };
    expect(planSort(brief).brief.sections[0]?.entries?.map((e) => (e as Entry).title)).toEqual(['T0', 'T1', 'T2', 'T4', 'T5', 'T6', 'T3']);
  });

  it('compares sortable dates exactly as isNewer compares the dates', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [x, y] = [sortableDate(a), sortableDate(b)];
        expect(x !== undefined && y !== undefined && newer(x, y)).toBe(isNewer(a, b));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });
});
