import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../src/authoring/importReferences.js';
import { openReferences } from '../src/authoring/references.js';
import { doiOf, nearlySameTitle, normalisedTitle, ReferenceIndex, sameReference, titleNumbers, webAddress } from '../src/authoring/sameReference.js';
import type { Brief, Entry } from '../src/brief/types.js';
import { lintBrief } from '../src/lint/lintBrief.js';
import { loadJsonFile } from '../src/load/loadJsonFile.js';

/** Titles built from a few words, so that near-misses (a letter changed, added or dropped) and repeats are common. */
const word = fc.constantFrom('peer', 'support', 'workers', 'mental', 'health', 'competences', 'competencies', 'role', 'the', 'of', 'in', 'a');
// And titles of few letters whose lengths sit where the edits allowed change (19/20, 39/40, 59/60 letters).
const boundary = fc
  .tuple(fc.constantFrom(18, 19, 20, 21, 38, 39, 40, 41, 42, 58, 59, 60, 61), fc.array(fc.constantFrom('a', 'b'), { minLength: 61, maxLength: 61 }))
  .map(([length, letters]) => letters.join('').slice(0, length));
// And numbered titles: years, editions, parts, volumes, phases, reports, written in several ways
// ("Part 1", "Part One", "Part I"), so that the same words with other numbers are common.
const numbered = fc
  .tuple(
    fc.array(word, { minLength: 2, maxLength: 6 }),
    fc.constantFrom(
      '2019',
      '2020',
      '2021',
      'part 1',
      'part 2',
      'part one',
      'part i',
      'part b',
      'phase ii',
      'phase 2',
      'phase iii',
      'vol. 3',
      'volume 3',
      'volume iv',
      '2nd edition',
      'second edition',
      '3rd edition',
      'report 4',
      'wave 1',
      'issue 12',
    ),
  )
  .map(([words, number]) => `${words.join(' ')}: ${number}`);
const title = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 9 }).map((words) => words.join(' ')),
  boundary,
  numbered,
);
const edit = (t: string, at: number, how: string) => {
  const i = at % Math.max(1, t.length);
  if (how === 'drop') return t.slice(0, i) + t.slice(i + 1);
  if (how === 'add') return `${t.slice(0, i)}x${t.slice(i)}`;
  if (how === 'swap') return `${t.slice(0, i)}z${t.slice(i + 1)}`;
  if (how === 'digit') return `${t.slice(0, i)}7${t.slice(i + 1)}`;
  if (how === 'punctuate') return t.replace(' ', ' - ');
  return t.toUpperCase();
};
const how = fc.constantFrom('drop', 'add', 'swap', 'digit', 'case', 'punctuate');
/** What an entry says besides its title: a DOI (in `doi`, or as a doi.org link), a link (the same address written several ways, or another), a date, a source. */
interface Details {
  doi: [string, 'field' | 'link' | 'dx link'] | undefined;
  url: string | undefined;
  date: string | undefined;
  source: string | undefined;
}
/** Present in `weight` of four entries. */
const sometimes = <V>(value: fc.Arbitrary<V>, weight: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 - weight }, { arbitrary: value, weight });
// A DOI in one entry in four (two with DOIs decide at once); links, dates and sources in most, from few values, so that they often agree.
const details: fc.Arbitrary<Details> = fc.record({
  doi: sometimes(fc.tuple(fc.constantFrom('10.1/a', '10.1/b', '10.1/c', '10.1/A'), fc.constantFrom('field' as const, 'link' as const, 'dx link' as const)), 1),
  url: sometimes(
    fc.constantFrom(
      'https://example.org/a',
      'http://example.org/a',
      'https://www.example.org/a/',
      'https://example.org/a#top',
      'HTTPS://Example.org/a',
      'https://example.org/A',
      'https://example.org/b',
      'https://example.org/a?v=2',
    ),
    2,
  ),
  date: sometimes(fc.constantFrom('2020', 'March 2020', '16 March 2020', 'updated March 2020', 'May 2020', 'Spring 2020', '2019', 'n.d.'), 3),
  source: sometimes(fc.constantFrom('NHS England', 'NHS  england.', 'Example Trust'), 3),
});
const asEntry = (title: string, { doi, url, date, source }: Details) => {
  const entry: Entry = { title };
  // A DOI link stands where the url would: a brief has one or the other there.
  if (doi?.[1] === 'link') entry.url = `https://doi.org/${doi[0]}`;
  else if (doi?.[1] === 'dx link') entry.url = `http://dx.doi.org/${doi[0].replace('/', '%2F')}`;
  else if (url) entry.url = url;
  if (doi?.[1] === 'field') entry.doi = doi[0];
  if (date) entry.date = date;
  if (source) entry.source = source;
  return entry;
};
// Some titles, then copies of them with one to three edits (near-misses, titles just too far
// apart to be one, and numbers changed), all in a shuffled order: so a copy may come before its original.
const entries = fc
  .tuple(
    fc.array(fc.tuple(title, details), { minLength: 1, maxLength: 15 }),
    fc.array(fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), how), { minLength: 1, maxLength: 3 }), details), { maxLength: 25 }),
  )
  .chain(([bases, copies]) => {
    const all = [
      ...bases.map(([t, d]) => asEntry(t, d)),
      ...copies.map(([which, edits, d]) =>
        asEntry(
          edits.reduce((t, [at, h]) => edit(t, at, h), (bases[which % bases.length] as [string, unknown])[0]),
          d,
        ),
      ),
    ];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

describe('finding an earlier entry that is the same reference', () => {
  it('finds by look-up an earlier entry whenever comparing with every earlier entry (sameReference) finds one, and only then', () => {
    fc.assert(
      fc.property(entries, (entries) => {
        const index = new ReferenceIndex<number>();
        entries.forEach((later, i) => {
          const earlier = entries.slice(0, i);
          const found = index.find(later);
          for (const e of earlier) expect(sameReference(later, e)).toBe(sameReference(e, later));
          expect(found !== undefined).toBe(earlier.some((e) => sameReference(e, later)));
          if (found) {
            const match = earlier[found.earlier] as Entry;
            expect(sameReference(match, later)).toBe(true);
            // The first of its kind: the same DOI before the same title before nearly the same title.
            const kinds = {
              'the same DOI': (e: Entry) => doiOf(e) !== undefined && doiOf(e) === doiOf(later),
              'the same title': (e: Entry) => sameReference(e, later) && normalisedTitle(e.title) === normalisedTitle(later.title),
              'nearly the same title': (e: Entry) => sameReference(e, later),
            };
            expect(found.earlier).toBe(earlier.findIndex(kinds[found.why]));
            if (found.why !== 'the same DOI') expect(earlier.some(kinds['the same DOI'])).toBe(false);
            if (found.why === 'nearly the same title') expect(earlier.some(kinds['the same title'])).toBe(false);
          }
          index.add(later, i);
        });
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('names why: the same DOI, the same title, or nearly the same title', () => {
    const index = new ReferenceIndex<string>();
    index.add(
      { title: 'Mental health nurses and peer workers: self-perceptions of role-related clinical competences', url: 'https://doi.org/10.1/X' } as Entry,
      'first',
    );
    expect(index.find({ title: 'Another title', url: 'https://doi.org/10.1/x' } as Entry)).toEqual({ earlier: 'first', why: 'the same DOI' });
    expect(index.find({ title: 'Mental Health Nurses and Peer Workers - Self-perceptions of Role-related Clinical Competences' } as Entry)).toEqual({
      earlier: 'first',
      why: 'the same title',
    });
    expect(index.find({ title: 'Mental health nurses and peer workers: self-perceptions of role-related clinical competencies' } as Entry)).toEqual({
      earlier: 'first',
      why: 'nearly the same title',
    });
    // Both have a DOI and the DOIs differ: two references, whatever the titles say.
    expect(
      index.find({
        title: 'Mental health nurses and peer workers: self-perceptions of role-related clinical competences',
        url: 'https://doi.org/10.1/y',
      } as Entry),
    ).toBeUndefined();
  });

  it('stops comparing titles letter by letter at its limit, and says so', () => {
    const index = new ReferenceIndex<number>(100);
    // Titles of one length, without numbers, that are all different: each is compared with every earlier one.
    for (let i = 0; i < 40; i++) {
      const entry = { title: `A study of peer support number ${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))} xx` } as Entry;
      index.find(entry);
      index.add(entry, i);
    }
    expect(index.incomplete).toBe(true);
  });

  it('lints a brief of 30,000 entries (more than a 4 MB brief holds) without comparing every pair', async () => {
    const entries = Array.from({ length: 30_000 }, (_, i) => ({ title: `T${i}`, date: 'May 2020', source: 'NHS', summary: ['S.'] }));
    const brief = {
      series: 'S',
      topic: 'T',
      author: 'A',
      organisation: 'O',
      team: 'T',
      published: '2021-01',
      acknowledgement: 'A.',
      closingNote: { heading: 'Help', body: ['Ask the library.'] },
      sections: Array.from({ length: 200 }, (_, s) => ({ heading: `H${s}`, entries: entries.slice(s * 150, s * 150 + 150) })),
    };
    const path = join(mkdtempSync(join(tmpdir(), 'brief-many-')), 'many.json');
    writeFileSync(path, JSON.stringify(brief));
    const loaded = await loadJsonFile(path, 'many.json');
    if (!loaded.ok) throw new Error('the test brief did not load');
    const warnings = lintBrief(loaded.loaded.data as never, loaded.loaded);
    expect(warnings.filter((w) => w.message.startsWith('the same entry twice'))).toEqual([]);
  });
});

describe('the rule: when two entries are one reference', () => {
  const fixture = (name: string) => join('tests/fixtures/import', name);

  it('imports new editions and parts of what a brief has, and lint does not call its editions the same entry', async () => {
    const brief = JSON.parse(readFileSync(fixture('editions-brief.json'), 'utf8')) as Brief;
    // The case's RIS file, read as brief import reads it.
    const records = await (await openReferences(fixture('new-editions.ris'))).read();
    // planImport skips what its ReferenceIndex finds: here, nothing.
    const plan = planImport(brief, records, 'Section One');
    expect(plan.outcomes.map((o) => o.kind)).toEqual(['added', 'added']);
    expect(plan.added.map((e) => e.title)).toEqual(['NHS Staff Survey 2021: national results briefing', 'Mental health workforce plan: Part 3']);
    expect(plan.brief.sections[0]?.entries?.map((e) => (e as Entry).title)).toEqual([
      'NHS Staff Survey 2020: national results briefing',
      'NHS Staff Survey 2019: national results briefing',
      'Mental health workforce plan: Part 1',
      'Mental health workforce plan: Part 2',
      'NHS Staff Survey 2021: national results briefing',
      'Mental health workforce plan: Part 3',
    ]);

    const loaded = await loadJsonFile(fixture('editions-brief.json'), 'editions-brief.json');
    if (!loaded.ok) throw new Error('the fixture did not load');
    expect(lintBrief(loaded.loaded.data as Brief, loaded.loaded)).toEqual([]);
    // And once imported, the brief's six entries are still six references.
    const index = new ReferenceIndex<string>();
    for (const entry of (plan.brief.sections[0]?.entries ?? []) as Entry[]) {
      expect(index.find(entry)).toBeUndefined();
      index.add(entry, entry.title);
    }
  });

  it('reads the numbers in a title: digits, and roman numerals, number words and letters next to part, volume, phase, edition...', () => {
    expect(titleNumbers('NHS Staff Survey 2021: national results briefing')).toBe('2021');
    expect(titleNumbers('Mental health workforce plan: Part 3')).toBe('3');
    expect(titleNumbers('Part One')).toBe('1');
    expect(titleNumbers('Part I')).toBe('1');
    expect(titleNumbers('Part B: the evidence')).toBe('b');
    expect(titleNumbers('Phase II evaluation')).toBe('2');
    expect(titleNumbers('Vol. 3, No. 004')).toBe('3 4');
    expect(titleNumbers('Volume XIV')).toBe('14');
    expect(titleNumbers('The guide, 2nd edition')).toBe('2');
    expect(titleNumbers('The guide, second edition')).toBe('2');
    expect(titleNumbers('Third wave of COVID-19')).toBe('3 19');
    expect(titleNumbers('Report 4')).toBe('4');
    // Not numbers: words that only look like them, away from a word such as part or edition.
    expect(titleNumbers('Putting patients first: I mix civic roles, part of a team')).toBe('');
  });

  const survey = (year: number, more: Partial<Entry> = {}): Entry => ({ title: `NHS Staff Survey ${year}: national results briefing`, ...more });

  it('two references: different years, editions, parts, volumes, issues, phases, waves, numbers in the titles', () => {
    const pairs: [string, string][] = [
      ['NHS Staff Survey 2019: national results briefing', 'NHS Staff Survey 2020: national results briefing'],
      ['Peer support worker competence framework, 2nd edition', 'Peer support worker competence framework, 3rd edition'],
      [
        'A framework for the competences of peer support workers in mental health services in England, second edition',
        'A framework for the competences of peer support workers in mental health services in England, third edition',
      ],
      ['Mental health workforce plan: Part 1', 'Mental health workforce plan: Part 3'],
      ['Mental health workforce plan: Part A', 'Mental health workforce plan: Part B'],
      ['Mental health workforce review, Volume 2', 'Mental health workforce review, Volume 3'],
      ['Mental health workforce review, Vol. 2', 'Mental health workforce review, Vol. 3'],
      ['Journal of Peer Support Practice, Issue 7', 'Journal of Peer Support Practice, Issue 8'],
      ['Peer support workers evaluation: Phase II', 'Peer support workers evaluation: Phase III'],
      ['Peer support workers longitudinal study, wave 1', 'Peer support workers longitudinal study, wave 2'],
      ['Peer support workers in mental health: Report 4', 'Peer support workers in mental health: Report 5'],
      ['Peer support workers in mental health: Number 9', 'Peer support workers in mental health: Number 8'],
    ];
    for (const [a, b] of pairs) {
      // By their letters alone, nearly the same title (5% of the letters): only the numbers tell them apart.
      const [x, y] = [normalisedTitle(a), normalisedTitle(b)];
      expect([a, distance(x, y) <= Math.floor(Math.max(x.length, y.length) * 0.05)]).toEqual([a, true]);
      const [first, second] = [a, b].map((title): Entry => ({ title, date: '2019', source: 'Example Trust' }));
      expect([a, b, sameReference(first as Entry, second as Entry), nearlySameTitle(a, b)]).toEqual([a, b, false, false]);
    }
  });

  it('one reference: a title nearly the same, with the same numbers (written in digits, roman numerals or words)', () => {
    const same = (a: string, b: string) => sameReference({ title: a }, { title: b });
    expect(same('Mental health workforce plan: Part 1', 'Mental health workforce plan: Part I')).toBe(true);
    expect(
      same(
        'Mental health workforce plan for England and Wales, 2019 to 2024: Part 1',
        'Mental health workforce plan for England and Wales, 2019 to 2024: Part One',
      ),
    ).toBe(true);
    expect(
      same('Peer support workers in mental health services evaluation: Phase II', 'Peer support workers in mental health services evaluation: Phase 2'),
    ).toBe(true);
    expect(same('Peer support worker competences, 2nd edition', 'Peer support worker competencies, 2nd edition')).toBe(true);
    expect(same('Peer support worker competences, 2nd edition', 'Peer support worker competencies, 3rd edition')).toBe(false);
    // Numbers alike but the letters too far apart: a title's number written another way is a few letters more.
    expect(same('Mental health workforce plan: Part 1', 'Mental health workforce plan: Part One')).toBe(false);
  });

  it('DOIs decide when both have one: the same DOI (in any case, in doi or as a doi.org link) is one reference, different DOIs are two', () => {
    const doi = { title: 'Peer workers in mental health teams', doi: '10.1186/S12913-020-05678-9' };
    expect(doiOf(doi)).toBe('10.1186/s12913-020-05678-9');
    expect(doiOf({ title: 'T', url: 'https://dx.doi.org/10.1186%2Fs12913-020-05678-9' })).toBe('10.1186/s12913-020-05678-9');
    expect(doiOf({ title: 'T', url: 'https://example.org/10.1186/x' })).toBeUndefined();
    // Another title, another link (the doi.org one), another year: the same DOI.
    expect(sameReference(doi, { title: 'Another title 2', url: 'https://doi.org/10.1186/s12913-020-05678-9', date: '2021' })).toBe(true);
    expect(sameReference(doi, { title: 'Another title', doi: 'https://doi.org/10.1186/s12913-020-05678-9' })).toBe(true);
    // The same title, date and source, but another DOI.
    const dated = { ...doi, date: 'May 2020', source: 'BMC' };
    expect(sameReference(dated, { ...dated, doi: '10.1186/s12913-020-05678-0' })).toBe(false);
    expect(sameReference(dated, { ...dated, doi: undefined, url: 'https://doi.org/10.1186/s12913-020-05678-0' })).toBe(false);
    // Only one has a DOI: the rest of the rule decides.
    expect(sameReference(dated, { title: dated.title })).toBe(true);
  });

  it('different links are two references when both have one, but one address written another way is one', () => {
    expect(sameReference(survey(2020, { url: 'https://example.org/nss' }), survey(2020, { url: 'https://example.org/nss-2' }))).toBe(false);
    expect(sameReference(survey(2020, { url: 'https://example.org/nss' }), survey(2020))).toBe(true);
    const one = [
      'https://example.org/nss/',
      'http://example.org/nss',
      'https://www.example.org/nss',
      'https://example.org/nss#results',
      'HTTPS://WWW.Example.ORG/nss/#x',
    ];
    for (const url of one) {
      expect([url, webAddress(url)]).toEqual([url, '//example.org/nss']);
      expect(sameReference(survey(2020, { url: 'https://example.org/nss' }), survey(2020, { url }))).toBe(true);
    }
    // The path and the query are the page's name: their differences count.
    expect(webAddress('https://example.org/NSS')).not.toBe(webAddress('https://example.org/nss'));
    expect(webAddress('https://example.org/nss?year=2020')).not.toBe(webAddress('https://example.org/nss?year=2021'));
    // Letters outside English, typed or percent-encoded, are one address.
    expect(webAddress('https://example.org/santé')).toBe(webAddress('https://example.org/sant%c3%a9'));
  });

  it('the same title, date and source are one reference even with different links; other dates are then not', () => {
    const at = (url: string, date?: string, source = 'NHS England') => survey(2020, { url, source, ...(date ? { date } : {}) });
    expect(sameReference(at('https://example.org/nss', 'March 2021'), at('https://example.org/nss.pdf', 'March 2021'))).toBe(true);
    // Dates are read, not compared as text: they agree as far as both say, whatever the qualifier.
    expect(sameReference(at('https://example.org/nss', 'March 2021'), at('https://example.org/nss.pdf', '16 March 2021'))).toBe(true);
    expect(sameReference(at('https://example.org/nss', '2021'), at('https://example.org/nss.pdf', 'updated March 2021'))).toBe(true);
    expect(sameReference(at('https://example.org/nss', 'March 2021'), at('https://example.org/nss.pdf', 'May 2021'))).toBe(false);
    expect(sameReference(at('https://example.org/nss', '16 March 2021'), at('https://example.org/nss.pdf', '17 March 2021'))).toBe(false);
    expect(sameReference(at('https://example.org/nss', 'n.d.'), at('https://example.org/nss.pdf', 'n.d.'))).toBe(false);
    expect(sameReference(at('https://example.org/nss'), at('https://example.org/nss.pdf'))).toBe(false);
    // The source as written, in any case and punctuation; but both must have it.
    expect(sameReference(at('https://example.org/nss', '2021'), at('https://example.org/nss.pdf', '2021', 'NHS england.'))).toBe(true);
    expect(sameReference(at('https://example.org/nss', '2021'), at('https://example.org/nss.pdf', '2021', 'NHS Digital'))).toBe(false);
    // Without links to tell them apart, different dates do not make two references (an article's online and issue dates).
    expect(sameReference(survey(2020, { date: 'March 2020' }), survey(2020, { date: 'June 2019' }))).toBe(true);
  });

  it('lint names the same entry twice by the rule: an address written another way, a DOI in doi and in url', async () => {
    const brief = JSON.parse(readFileSync(fixture('editions-brief.json'), 'utf8')) as Brief;
    const entries = brief.sections[0]?.entries as Entry[];
    entries.push(
      // No date or source to agree on: only the address, written another way, says it is the same.
      { title: 'NHS Staff Survey 2020 - National Results Briefing', url: 'http://www.example.org/nss2020/#top' },
      { title: 'Peer support: a review', doi: '10.1/ABC', date: '2019' },
      { title: 'Peer support, a review of the evidence', url: 'https://doi.org/10.1/abc', date: '2019' },
    );
    const path = join(mkdtempSync(join(tmpdir(), 'brief-same-')), 'same.json');
    writeFileSync(path, JSON.stringify(brief, null, 2));
    const loaded = await loadJsonFile(path, 'same.json');
    if (!loaded.ok) throw new Error('the test brief did not load');
    const warnings = lintBrief(loaded.loaded.data as Brief, loaded.loaded).filter((w) => w.message.startsWith('the same entry twice'));
    expect(warnings.map((w) => `${w.pointer} ${w.message}`)).toEqual([
      '/sections/0/entries/4 the same entry twice: this has the same title as "NHS Staff Survey 2020: national results briefing" (/sections/0/entries/0)',
      '/sections/0/entries/6 the same entry twice: this has the same DOI as "Peer support: a review" (/sections/0/entries/5)',
    ]);
  });
});
