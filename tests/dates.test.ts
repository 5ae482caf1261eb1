import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, isBriefDate, isNewer, parseBriefDate, QUALIFIERS, SEASONS, sortableDate } from '../src/brief/dates.js';
import { MONTHS } from '../src/brief/months.js';

const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8')) as { $defs: { entry: { properties: { date: { pattern: string } } } } };

/** A date in one of the brief's forms, with the parts it was made from. */
const dated = fc
  .record({
    qualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: undefined }),
    year: fc.integer({ min: 1000, max: 2999 }),
    kind: fc.constantFrom('year', 'month', 'day', 'season'),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    season: fc.constantFrom(...SEASONS),
  })
  .map((p) => {
    const when =
      p.kind === 'year'
        ? `${p.year}`
        : p.kind === 'month'
          ? `${MONTHS[p.month - 1]} ${p.year}`
          : p.kind === 'day'
            ? `${p.day} ${MONTHS[p.month - 1]} ${p.year}`
            : `${p.season} ${p.year}`;
    return { ...p, text: p.qualifier ? `${p.qualifier} ${when}` : when };
  });

describe("an entry's date", () => {
  it('is checked by the schema with the same pattern this module reads', () => {
    expect(schema.$defs.entry.properties.date.pattern).toBe(DATE_PATTERN);
  });

  it('reads each form: day, qualifier, season, and refuses days a month lacks', () => {
    expect(parseBriefDate('updated 15 August 2025')).toEqual({ written: 'updated 15 August 2025', qualifier: 'updated', year: 2025, month: 8, day: 15 });
    expect(parseBriefDate('Published online 21 May 2020')).toMatchObject({ qualifier: 'Published online', year: 2020, month: 5, day: 21 });
    expect(parseBriefDate('Spring 2018')).toMatchObject({ season: 'Spring', month: 4, year: 2018 });
    expect(parseBriefDate('n.d.')).toBeUndefined();
    expect(isBriefDate('n.d.')).toBe(true);
    expect(isBriefDate('29 February 2024')).toBe(true);
    expect(isBriefDate('29 February 2023')).toBe(false);
    expect(isBriefDate('31 April 2020')).toBe(false);
    expect(isBriefDate('15th August 2025')).toBe(false);
    expect(isBriefDate('updated n.d.')).toBe(false);
    expect(sortableDate('updated 5 August 2025')).toBe('2025-08-05');
    expect(sortableDate('March 2020')).toBe('2020-03');
    expect(sortableDate('n.d.')).toBeUndefined();
  });

  it('compares only what both dates say', () => {
    expect(isNewer('16 July 2025', '15 July 2025')).toBe(true);
    expect(isNewer('July 2025', '15 July 2025')).toBe(false);
    expect(isNewer('15 July 2025', 'July 2025')).toBe(false);
    expect(isNewer('2026', 'updated 15 December 2025')).toBe(true);
    expect(isNewer('2025', 'March 2025')).toBe(false);
    expect(isNewer('n.d.', '2020')).toBe(false);
  });

  it('reads every date made from parts back into those parts, and sorts as the parts do', () => {
    fc.assert(
      fc.property(dated, dated, (a, b) => {
        const read = parseBriefDate(a.text);
        expect(read?.year).toBe(a.year);
        expect(read?.qualifier).toBe(a.qualifier);
        expect(read?.day).toBe(a.kind === 'day' ? a.day : undefined);
        expect(new RegExp(DATE_PATTERN).test(a.text)).toBe(true);
        // Newer by the parts both have is newer as sortable text too.
        if (isNewer(a.text, b.text)) expect((sortableDate(a.text) as string) > (sortableDate(b.text) as string)).toBe(true);
        expect(isNewer(a.text, b.text) && isNewer(b.text, a.text)).toBe(false);
      }),
    );
  });
});
