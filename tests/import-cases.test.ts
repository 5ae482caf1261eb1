import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBrief } from '../src/authoring/newBrief.js';
import { isBriefDate } from '../src/brief/dates.js';
import type { Brief, Entry } from '../src/brief/types.js';
import { progressLine } from '../src/cli/importProgress.js';
import { runBrief } from './helpers/cli.js';

/** The import cases of /work/shared/cases (copied into tests/fixtures/import), each with its exact right result. */
const fixture = (name: string) => join('tests/fixtures/import', name);

async function newBrief(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'brief-import-cases-'));
  const brief = join(dir, 'briefs', 'peer.json');
  await createBrief(brief, 'Peer Support Workers', 'templates', new Date('2026-11-26'));
  return brief;
}

/** Import `file` into a new brief's section "Imported"; the entries it added, and what it printed. */
async function importInto(file: string, ...options: string[]) {
  const brief = await newBrief();
  const before = readFileSync(brief, 'utf8');
  const result = await runBrief('import', file, '--into', brief, '--section', 'Imported', ...options);
  const data = JSON.parse(readFileSync(brief, 'utf8')) as Brief;
  const entries = (data.sections.find((s) => s.heading === 'Imported')?.entries ?? []) as Entry[];
  for (const entry of entries) expect(isBriefDate(entry.date as string), entry.date).toBe(true);
  return { ...result, entries, changed: readFileSync(brief, 'utf8') !== before, brief };
}

describe('brief import keeps every character', () => {
  it('reads a Windows-1252 RIS export (EndNote on Windows) as Windows-1252, and says so', async () => {
    const { code, out, err, entries } = await importInto(fixture('endnote-windows-1252.ris'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(entries).toEqual([
      {
        title: 'Peer workers’ experiences of “recovery” in São Paulo and Zürich',
        url: 'http://example.org/first',
        doi: '10.1000/EXAMPLE.2020.7',
        date: '15 March 2020',
        source: 'Revista de Saúde',
        summary: ['Résumé: peer workers’ roles were explored – 12 interviews.'],
      },
    ]);
    expect(out[0]).toBe('tests/fixtures/import/endnote-windows-1252.ris: read as Windows-1252 (not UTF-8)');
  });

  it.each(['utf16le.ris', 'utf16be.ris'])('reads a UTF-16 export with its byte order mark (%s)', async (name) => {
    const { code, out, entries } = await importInto(fixture(name));
    expect(code).toBe(0);
    expect(entries).toEqual([{ title: 'UTF-16 title: São Paulo “recovery” 😀', date: '2020', summary: ['a\\<b and \\<or=5'] }]);
    expect(out[0]).toBe(`tests/fixtures/import/${name}: read as ${name.includes('le') ? 'UTF-16LE' : 'UTF-16BE'} (it begins with that byte order mark)`);
    expect(out.at(-2)).toBe('1 RIS record: 1 added to "Imported" (a new section at the end), 0 skipped');
  });

  it('keeps PubMed\'s "<or=" and ">or=" as ≤ and ≥, and every "<" that is not a tag; takes out real tags', async () => {
    const { code, entries } = await importInto(fixture('pubmed-less-than.nbib'));
    expect(code).toBe(0);
    expect(entries).toEqual([
      {
        title: 'Outcomes of peer support in people with SAMD9 and AU - MD9/SAMD9L variants: a cohort study',
        doi: '10.1000/example.2020.001',
        date: 'March 2020',
        source: 'Journal of Example Studies',
        summary: [
          'BACKGROUND: Peer support was offered to adults aged ≤65 years and ≥18 years. METHODS: We compared groups (n\\<50 vs n>100) and HbA1c \\<7%. RESULTS: Scores improved (P\\<.05). CONCLUSIONS - peer support helped.',
        ],
      },
      {
        title: '[Peer support workers in rural areas: a qualitative study]',
        date: 'Winter 2019',
        source: 'Example Nursing Review',
        summary: ['A qualitative study with 12 participants.'],
      },
    ]);
  });

  it("undoes Mendeley's LaTeX escapes in every field, urls and DOIs too; \\url{} in howpublished is the link", async () => {
    const { code, entries } = await importInto(fixture('mendeley-escapes.bib'));
    expect(code).toBe(0);
    expect(entries).toEqual([
      {
        title: "Peer support workers' roles: a mixed_methods study",
        url: 'https://example.org/peer_support/report_2021.pdf',
        doi: '10.1000/ex_2021.5',
        date: 'March 2021',
        source: 'Example Journal of Mental Health',
        summary: ['Peer workers reported 20% higher satisfaction.'],
      },
      { title: 'Workforce data 2022', url: 'https://example.org/data_2022?x=1&y=2', date: '2022' },
    ]);
  });

  it('takes the first of two UR lines (a non-ASCII one as written) and says which it left out; --dry-run says the same', async () => {
    const real = await importInto(fixture('two-urls.ris'));
    expect(real.code).toBe(0);
    expect(real.entries).toEqual([{ title: 'Two links', url: 'https://example.org/santé_mentale', date: '2021' }]);
    const note =
      'tests/fixtures/import/two-urls.ris:1: an address left out (an entry has one link, its first web address: https://example.org/santé_mentale): https://example.org/second';
    expect(real.out).toEqual([
      note,
      'added: Two links (2021)',
      '1 RIS record: 1 added to "Imported" (a new section at the end), 0 skipped',
      `wrote ${real.brief}`,
    ]);
    const dry = await importInto(fixture('two-urls.ris'), '--dry-run');
    expect(dry.changed).toBe(false);
    expect(dry.out).toEqual([note, 'would add: Two links (2021)', '1 RIS record: 1 would be added to "Imported" (a new section at the end), 0 skipped']);
  });

  it('takes the first of two DO lines and says which it left out (citation-js cannot convert a list of DOIs)', async () => {
    const { code, entries, out } = await importInto(fixture('two-dois.ris'));
    expect(code).toBe(0);
    expect(entries).toEqual([{ title: 'Two DOIs', doi: '10.1000/first', date: '2022' }]);
    expect(out[0]).toBe('tests/fixtures/import/two-dois.ris:1: 2 DOIs: kept the first, "10.1000/first"; left out "10.1000/second"');
  });

  it("reads CSL-JSON's raw, literal and date-parts dates; a DOI's link goes to doi, a web address to url", async () => {
    const { code, entries } = await importInto(fixture('csl-dates.json'));
    expect(code).toBe(0);
    expect(entries).toEqual([
      { title: 'Raw month', doi: '10.1000/raw.1', date: 'March 2019' },
      { title: 'Literal season', doi: '10.1000/lit.2', date: 'Spring 2018' },
      { title: 'A parts date & a day', url: 'https://example.org/page', date: '15 March 2020' },
    ]);
  });

  it.each(['random.ris', 'random.nbib', 'random.bib'])('refuses random bytes named %s, in one short line, without echoing them', async (name) => {
    const { code, out, err, changed } = await importInto(fixture(name));
    expect(code).toBe(1);
    expect(changed).toBe(false);
    expect(out).toEqual([]);
    const format = { ris: 'RIS', nbib: 'MEDLINE (.nbib)', bib: 'BibTeX' }[name.split('.')[1] as string];
    expect(err).toEqual([
      `brief: tests/fixtures/import/${name} is not a ${format} file: it has NUL bytes, so it is binary data (or UTF-16 without a byte order mark), not text`,
    ]);
  });

  it('refuses a text file that is not the format it claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-import-notris-'));
    writeFileSync(join(dir, 'notes.ris'), 'Dear colleague,\nhere are the references.\n');
    writeFileSync(join(dir, 'notes.nbib'), 'Dear colleague,\nhere are the references.\n');
    writeFileSync(join(dir, 'notes.bib'), 'Dear colleague,\nhere are the references.\n');
    expect((await importInto(join(dir, 'notes.ris'))).err).toEqual([
      `brief: ${join(dir, 'notes.ris')} is not a RIS file: no record in it begins with a "TY  - " line`,
    ]);
    expect((await importInto(join(dir, 'notes.nbib'))).err).toEqual([
      `brief: ${join(dir, 'notes.nbib')} is not a MEDLINE (.nbib) file: no line in it is a MEDLINE field such as "PMID- 12345678"`,
    ]);
    expect((await importInto(join(dir, 'notes.bib'))).err).toEqual([
      `brief: ${join(dir, 'notes.bib')} is not a BibTeX file: no entry in it begins with "@" and a type, such as "@article{"`,
    ]);
  });

  it('names each record with a problem by its line, imports the others (exit 1); --strict imports none; --dry-run says the same', async () => {
    const lines = [
      'tests/fixtures/import/problems.ris:6: not imported: title: "title" has U+0008 (backspace), a control character: it would print as a box in the PDF and vanish from the Word document, gluing the words beside it. Delete it (such characters come with text copied from PDFs and old systems)',
      'tests/fixtures/import/problems.ris:10: not imported: it has no title',
    ];
    const real = await importInto(fixture('problems.ris'));
    expect(real.code).toBe(1);
    expect(real.entries).toEqual([{ title: 'Good one', date: '2020' }]);
    expect(real.out).toEqual([
      'added: Good one (2020)',
      ...lines,
      '3 RIS records: 1 added to "Imported" (a new section at the end), 0 skipped, 2 not imported (problems above)',
      `wrote ${real.brief}`,
    ]);
    const dry = await importInto(fixture('problems.ris'), '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.changed).toBe(false);
    expect(dry.out).toEqual([
      'would add: Good one (2020)',
      ...lines,
      '3 RIS records: 1 would be added to "Imported" (a new section at the end), 0 skipped, 2 not imported (problems above)',
    ]);
    const strict = await importInto(fixture('problems.ris'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.changed).toBe(false);
    expect(strict.out).toEqual([...lines, '3 RIS records: 2 records with a problem, so nothing was imported (--strict)']);
    const strictDry = await importInto(fixture('problems.ris'), '--strict', '--dry-run');
    expect(strictDry.out).toEqual([...lines, '3 RIS records: 2 records with a problem, so nothing would be imported (--strict)']);
  });

  it('refuses a record with a byte that is no character of its encoding, rather than print \uFFFD for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-import-lost-'));
    const file = join(dir, 'lost.ris');
    // Windows-1252 (0xE9 is é, not UTF-8); 0x81 is no character in Windows-1252.
    // (A file with more such bytes than 1 character in 100 is refused whole, as binary.)
    const abstract = 'A long enough abstract. '.repeat(10);
    writeFileSync(file, Buffer.from(`TY  - JOUR\nT1  - Caf\xe9 one\nAB  - ${abstract}\nER  - \n\nTY  - JOUR\nT1  - Lost \x81 here\nER  - \n`, 'latin1'));
    const { code, out, entries } = await importInto(file);
    expect(code).toBe(1);
    expect(entries).toEqual([{ title: 'Café one', date: 'n.d.', summary: [abstract.trim()] }]);
    expect(out).toContain(
      `${file}:6: not imported: it has the character \uFFFD (U+FFFD), which stands for text lost before or while the file was read (a byte that is no character in the file's encoding): correct it in the reference manager and export again`,
    );
  });

  it('checks the number of records against the schema before reading them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-import-many-'));
    const file = join(dir, 'many.ris');
    writeFileSync(file, Array.from({ length: 2001 }, (_, i) => `TY  - JOUR\nT1  - Title ${i}\nER  - \n`).join('\n'));
    const { code, err, changed } = await importInto(file);
    expect(code).toBe(1);
    expect(changed).toBe(false);
    expect(err).toEqual([
      `brief: ${file} has 2,001 records: a section holds at most 2,000 entries (the schema's limit), so they cannot all be imported into one; split the export into smaller files`,
    ]);
  });

  it('shows progress only where stderr is a terminal', () => {
    expect(progressLine({ isTTY: false, write: () => true })).toBeUndefined();
    const written: string[] = [];
    const line = progressLine({ isTTY: true, columns: 30, write: (t: string) => written.push(t) });
    line?.update('reading x.ris: 1,000 records of 100,000');
    line?.clear();
    expect(written).toEqual(['\r\x1b[Kreading x.ris: 1,000 records ', '\r\x1b[K']);
  });
});

describe('the import fixtures are the shared cases', () => {
  it.each(['endnote-windows-1252.ris', 'pubmed-less-than.nbib', 'mendeley-escapes.bib'])('%s', (name) => {
    const shared = join('/work/shared/cases/import', name);
    let original: Buffer;
    try {
      original = readFileSync(shared);
    } catch {
      return; // the shared folder is not on every machine: the copy is the test's input
    }
    expect(readFileSync(fixture(name)).equals(original)).toBe(true);
  });
});
