import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMedline } from '../src/authoring/medline.js';
import { createBrief } from '../src/authoring/newBrief.js';
import { toEntry } from '../src/authoring/toEntry.js';
import { escapeInlineMarkup as escapeMarkup } from '../src/richtext/inlineMarkup.js';
import { allEntries } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { runBrief } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const refs = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'references', name);

// brief new is tested in tests/new-brief.test.ts.

describe('brief import', () => {
  /** A brief as `brief new --standard-sections` makes it. */
  async function newBrief(): Promise<{ dir: string; brief: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'brief-import-'));
    const brief = join(dir, 'briefs', 'peer.json');
    await createBrief(brief, 'Peer Support Workers', 'templates', new Date('2026-11-26'), { standardSections: true });
    return { dir, brief };
  }

  it('imports RIS, BibTeX, MEDLINE and CSL-JSON into a brief that then validates and builds', async () => {
    const { dir, brief } = await newBrief();
    for (const [file, section] of [
      ['zotero.ris', 'Key publications – the big picture'],
      ['refworks.bib', 'Views, perceptions and experiences'],
      ['pubmed.nbib', 'key publications – the big picture'],
      ['crossref.json', 'COVID-19'],
    ] as const) {
      const result = await runBrief('import', refs(file), '--into', brief, '--section', section);
      expect(result.code, result.out.join('\n')).toBe(0);
    }
    const data = JSON.parse(readFileSync(brief, 'utf8')) as Brief;
    expect(Object.keys(data)).toEqual(Object.keys(JSON.parse(readFileSync('templates/new-brief.json', 'utf8'))));
    expect(data.sections.map((s) => s.heading)).toEqual([
      'Key publications – the big picture',
      'Case Studies',
      'HEE Star',
      'Statistics',
      'HEE National Data Programme',
      'Published Peer Reviewed Research',
      'Competency Frameworks',
      'Views, perceptions and experiences',
      'COVID-19',
    ]);
    const entries = allEntries(data);
    expect(entries.map((e) => [e.title, e.url ?? e.doi, e.date, e.source])).toEqual([
      ['Peer Support Workers in Health: a qualitative metasynthesis of their experiences', '10.5555/pone.2015.0001', 'October 2015', 'PLOS ONE'],
      ["So if we like the idea of peer workers, why aren't we seeing more?", '10.5555/wjp.2015.0002', 'June 2015', 'World Journal of Psychiatry'],
      [
        'The role of the peer support worker in increasing rural mental health help-seeking',
        '10.5555/ajrh.2020.0004',
        'April 2020',
        'The Australian Journal of Rural Health',
      ],
      ['Peer specialists in suicide prevention: Possibilities and pitfalls', '10.5555/ps.2019.0005', '2019', 'Psychological Services'],
      [
        'Workplace experiences of mental health consumer peer workers in New South Wales, Australia: a survey study exploring job satisfaction, burnout and turnover intention',
        '10.5555/bmcpsy.2020.0003',
        'June 2020',
        'BMC Psychiatry',
      ],
      [
        "More 'milk' than 'psychology or tablets': mental health professionals' perspectives on the value of peer support workers",
        'https://example.org/health-expectations/milk',
        'December 2020',
        'Health Expectations',
      ],
      ['A role for lived experience mental health leadership in the age of Covid-19', '10.5555/jmh.2020.0006', 'June 2020', 'Journal of Mental Health'],
    ]);
    expect(entries[2]?.summary).toEqual([
      'Mental health peer support workers draw on lived experience to provide benefit to people experiencing mental distress.',
    ]);
    expect(entries[3]?.summary).toBeUndefined();
    expect(entries[0]?.summary?.[0]).toMatch(/^Peer support models, where an individual has a specific illness/);
    expect((await runBrief('validate', brief)).code).toBe(0);

    const built = await runBrief('build', brief, '--output', join(dir, 'output'));
    expect(built.code).toBe(0);
    const { pages } = await readPdf(join(dir, 'output', 'peer.pdf'));
    expect(pages.join(' ')).toContain('A role for lived experience mental health leadership in the age of Covid-19 June 2020, Journal of Mental Health');
  });

  it('adds nothing when the same file is imported twice, and says what it skipped', async () => {
    const { brief } = await newBrief();
    expect((await runBrief('import', refs('zotero.ris'), '--into', brief, '--section', 'Case Studies')).code).toBe(0);
    const once = readFileSync(brief, 'utf8');
    const twice = await runBrief('import', refs('zotero.ris'), '--into', brief, '--section', 'Case Studies');
    expect(twice.code).toBe(0);
    expect(twice.out).toEqual([
      'skipped: Peer Support Workers in Health: a qualitative metasynthesis of their experiences: already in the brief as "Peer Support Workers in Health: a qualitative metasynthesis of their experiences"',
      'skipped: So if we like the idea of peer workers, why aren\'t we seeing more?: already in the brief as "So if we like the idea of peer workers, why aren\'t we seeing more?"',
      '2 RIS records: 0 added to "Case Studies", 2 skipped',
    ]);
    expect(readFileSync(brief, 'utf8')).toBe(once);
  });

  it('with --dry-run, says what it would add and changes nothing', async () => {
    const { brief } = await newBrief();
    const before = readFileSync(brief, 'utf8');
    const result = await runBrief('import', refs('pubmed.nbib'), '--into', brief, '--section', 'Research', '--dry-run');
    expect(result.out.at(-1)).toBe('2 MEDLINE records: 2 would be added to "Research" (a new section at the end), 0 skipped');
    expect(result.out[0]).toBe(
      'would add: The role of the peer support worker in increasing rural mental health help-seeking (April 2020, The Australian Journal of Rural Health)',
    );
    expect(readFileSync(brief, 'utf8')).toBe(before);
  });

  it('names a file it cannot read, and changes nothing', async () => {
    const { brief } = await newBrief();
    const result = await runBrief('import', 'references.xlsx', '--into', brief, '--section', 'X');
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe('brief: cannot tell the format of references.xlsx: name it .ris, .bib, .nbib or .json (CSL-JSON)');
  });
});

describe('reading references', () => {
  it('reads MEDLINE records, their continued lines, dates and DOIs', () => {
    const items = parseMedline(readFileSync(refs('pubmed.nbib'), 'utf8'));
    expect(items).toEqual([
      {
        PMID: '32000001',
        title: 'The role of the peer support worker in increasing rural mental health help-seeking',
        abstract: 'Mental health peer support workers draw on lived experience to provide benefit to people experiencing mental distress.',
        'container-title': 'The Australian Journal of Rural Health',
        DOI: '10.5555/ajrh.2020.0004',
        date: { year: 2020, month: 4 },
      },
      {
        PMID: '32000002',
        title: 'Peer specialists in suicide prevention: Possibilities and pitfalls',
        'container-title': 'Psychological Services',
        DOI: '10.5555/ps.2019.0005',
        date: { year: 2019 },
      },
    ]);
  });

  it('keeps imported text literal: characters that inline markup reads are escaped', () => {
    expect(escapeMarkup('p < 0.05 *and* [1] 2^3 _x_ \\')).toBe('p \\< 0.05 \\*and\\* \\[1\\] 2\\^3 \\_x\\_ \\\\');
    expect(toEntry({ title: 'T', abstract: 'a *b*' }).entry?.summary).toEqual(['a \\*b\\*']);
    expect(toEntry({ title: '' })).toEqual({ problem: 'it has no title', notes: [] });
    expect(toEntry({ title: 'T', URL: 'ftp://x', DOI: 'doi:10.5555/abc' })).toEqual({
      entry: { title: 'T', doi: '10.5555/abc', date: 'n.d.' },
      notes: ['an address left out (an entry has one link, a web address): ftp://x'],
    });
  });
});

describe('brief lint', () => {
  it('reports every repeat the published 2021 brief really has', async () => {
    const { out, code } = await runBrief('lint', 'briefs/peer-support-workers-2021-01.json');
    expect(code).toBe(0);
    const repeats = out.filter((l) => /the same (entry twice|summary)/.test(l)).map((l) => l.replace(/^briefs\/peer-support-workers-2021-01\.json:/, ''));
    expect(repeats).toEqual([
      '203:13  /sections/5/subsections/0/entries/1  warning: the same entry twice: this has the same title as "A systematic review of influences on implementation of peer support work for adults with mental health problems" (/sections/5/subsections/0/entries/0)',
      '289:13  /sections/5/subsections/1/entries/1  warning: the same entry twice: this has nearly the same title as "Mental health nurses and mental health peer workers: Self-perceptions of role-related clinical competences" (/sections/5/subsections/1/entries/0)',
      '596:13  /sections/5/subsections/6/entries/3  warning: the same entry twice: this has the same title as "Peer Specialists in Community Mental Health: Ongoing Challenges of Inclusion" (/sections/5/subsections/6/entries/1)',
      '872:26  /sections/5/subsections/8/entries/11/summary  warning: the same summary as "Qualitative study of peer workers within the \'Partners in Recovery\' programme in regional Australia" (/sections/5/subsections/8/entries/7), under a different title: "Factors Supporting the Employment of Young Adult Peer Providers: Perspectives of Peers and Supervisors"',
      '1026:13  /sections/5/subsections/15/entries/0  warning: the same entry twice: this has the same title as "What happens when peer support workers are introduced as members of community-based clinical mental health service delivery teams: a qualitative study" (/sections/5/subsections/3/entries/2)',
      '1127:13  /sections/5/subsections/19/entries/0  warning: the same entry twice: this has the same title as "The transition from patient to mental health peer worker: A grounded theory approach" (/sections/5/subsections/7/entries/0)',
    ]);
    expect(out).toContain(
      'briefs/peer-support-workers-2021-01.json:17:9  /sections/0/entries/0  warning: 118 entries have no link ("url" or "doi"), this one and 117 more: readers cannot follow them to the source',
    );
    expect(out.filter((l) => l.includes('not newest first'))).toHaveLength(11);
    expect(out.at(-1)).toBe('briefs/peer-support-workers-2021-01.json: 18 warnings');
    expect((await runBrief('lint', '--strict', 'briefs/peer-support-workers-2021-01.json')).code).toBe(1);
  });

  it('points out unexplained access markers, empty sections and a missing link, and is quiet about a clean brief', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-lint-'));
    const base = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as Brief & Record<string, unknown>;
    const clean = join(dir, 'clean.json');
    base.closingNote.body = ['If an NHS OpenAthens account is required this has been indicated.'];
    writeFileSync(clean, JSON.stringify(base, null, 2));
    expect((await runBrief('lint', '--strict', clean)).out).toEqual([`${clean}: no warnings`]);

    const messy = structuredClone(base);
    messy.closingNote.body = ['Ask the library.'];
    messy.sections.push({ heading: 'Case Studies' });
    messy.sections[0]?.entries?.push({ title: 'Another report', date: '2019', access: 'abstract-only' });
    const file = join(dir, 'messy.json');
    writeFileSync(file, JSON.stringify(messy, null, 2));
    const { out } = await runBrief('lint', file);
    expect(out.map((l) => l.replace(/^.*?\.json:\d+:\d+ {2}/, ''))).toEqual([
      '/sections/0/entries/0/loginService  warning: entries are marked "Athens log in required*" but the closing note does not mention Athens',
      '/sections/0/entries/1  warning: "Another report" (/sections/0/entries/1) has no link ("url" or "doi"): readers cannot follow it to the source',
      '/sections/0/entries/1/access  warning: entries are marked "Abstract only*" but the closing note ("*Help accessing articles or papers") does not explain it',
      '/sections/1  warning: the section "Case Studies" is empty: it has no note and no entries',
      `${file}: 4 warnings`.replace(/^.*?\.json/, `${file}`),
    ]);
  });

  it('counts a DOI as a link, and asks the closing note to explain "Log in required*" when no service is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-lint-'));
    const base = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as Brief & Record<string, unknown>;
    base.closingNote.body = ['If an NHS OpenAthens account is required this has been indicated.'];
    base.sections[0]?.entries?.push(
      { title: 'A DOI only', doi: '10.1000/xyz', date: '2019' },
      { title: 'A login', url: 'https://example.org/l', date: '2018', access: 'login-required' },
    );
    const file = join(dir, 'logins.json');
    writeFileSync(file, JSON.stringify(base, null, 2));
    expect((await runBrief('lint', file)).out.map((l) => l.replace(/^.*?\.json:\d+:\d+ {2}/, ''))).toEqual([
      '/sections/0/entries/2/access  warning: entries are marked "Log in required*" but the closing note ("*Help accessing articles or papers") does not say how to log in',
      `${file}: 1 warning`,
    ]);
    base.closingNote.body = ['If an NHS OpenAthens account is required this has been indicated. Where you must log in, ask the library for an account.'];
    writeFileSync(file, JSON.stringify(base, null, 2));
    expect((await runBrief('lint', '--strict', file)).out).toEqual([`${file}: no warnings`]);
  });

  it('is printed by brief build too, without failing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-lint-build-'));
    const result = await runBrief('build', 'briefs/peer-support-workers-2021-01.json', '--output', dir);
    expect(result.code).toBe(0);
    expect(result.out.filter((l) => l.includes('warning: '))).toHaveLength(18);
  });
});
