import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doiOf, normalisedTitle, ReferenceIndex, sameReference } from '../src/authoring/sameReference.js';
import type { Entry } from '../src/brief/types.js';
import { lintBrief } from '../src/lint/lintBrief.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJsonFile } from '../src/load/loadJsonFile.js';

/** Titles built from a few words, so that near-misses (a letter changed, added or dropped) and repeats are common. */
const word = fc.constantFrom('peer', 'support', 'workers', 'mental', 'health', 'competences', 'competencies', 'role', 'the', 'of', 'in', 'a');
// And titles of few letters whose lengths sit where the edits allowed change (19/20, 39/40, 59/60 letters).
const boundary = fc
  .tuple(fc.constantFrom(18, 19, 20, 21, 38, 39, 40, 41, 42, 58, 59, 60, 61), fc.array(fc.constantFrom('a', 'b'), { minLength: 61, maxLength: 61 }))
  .map(([length, letters]) => letters.join('').slice(0, length));
const title = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 9 }).map((words) => words.join(' ')),
  boundary,
);
const edit = (t: string, at: number, how: string) => {
  const i = at % Math.max(1, t.length);
  if (how === 'drop') return t.slice(0, i) + t.slice(i + 1);
  if (how === 'add') return `${t.slice(0, i)}x${t.slice(i)}`;
  if (how === 'swap') return `${t.slice(0, i)}z${t.slice(i + 1)}`;
  return t.toUpperCase();
};
const how = fc.constantFrom('drop', 'add', 'swap', 'case');
const doi = fc.option(fc.constantFrom('10.1/a', '10.1/b', '10.1/c', '10.1/A'), { nil: undefined });
const asEntry = (title: string, doi: string | undefined) => ({ title, ...(doi ? { url: `https://doi.org/${doi}` } : {}) }) as Entry;
// Some titles, then copies of them with one to three edits (near-misses, and titles just too far
// apart to be one), all in a shuffled order: so a copy may come before its original.
const entries = fc
  .tuple(
    fc.array(fc.tuple(title, doi), { minLength: 1, maxLength: 15 }),
    fc.array(fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), how), { minLength: 1, maxLength: 3 }), doi), { maxLength: 25 }),
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
    // Titles of one length that are all different: each is compared with every earlier one.
    for (let i = 0; i < 40; i++) {
      const entry = { title: `A study of peer support number ${String(i).padStart(4, '0')} xx` } as Entry;
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
