import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openReferences } from '../src/authoring/references.js';
import { toEntry } from '../src/authoring/toEntry.js';
import { escapeInlineMarkup as escapeMarkup } from '../src/richtext/inlineMarkup.js';
import { isBriefDate } from '../src/brief/dates.js';
import { MONTHS } from '../src/brief/months.js';

/**
 * Generators that would have found the import's faults: text of any script written as RIS in
 * UTF-8, UTF-16 (LE and BE) and, when it can be, Windows-1252 must come back character for
 * character, "<", ">", "&" and PubMed's "<or=" included; a date in any field of any format
 * must come back as the brief's date that says the same.
 */

/** Only ASCII characters (which read the same in UTF-8 and Windows-1252). */
const ASCII = /^[ -~\t\r\n]*$/;

const dir = mkdtempSync(join(tmpdir(), 'brief-import-property-'));
let files = 0;

/** The entries read back from `bytes` saved as a file named *.`ending`. */
async function importBytes(bytes: Uint8Array, ending: string) {
  const path = join(dir, `${files++}.${ending}`);
  writeFileSync(path, bytes);
  const opened = await openReferences(path);
  const records = await opened.read();
  return { opened, results: records.map((r) => ({ ...r, made: r.item ? toEntry(r.item) : undefined })) };
}

/** Text without line breaks, controls, "<", ">" or "&": any letters, marks, symbols, emoji, spaces. */
const plain = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}\uFFFD\uFEFF<>&]/gu, ''));
/** Pieces with what markup parsers and PubMed's convention trip over. */
const tricky = fc.constantFrom('<', '>', '&', ' < ', ' > ', ' & ', '<or=65', '>or=18', 'n<50', 'n>100', '<7%', '(P<.05)', 'AT&T', 'R&D', '&copy', '1 < 2 > 0');
/** Characters of Windows-1252 (EndNote's Windows default) outside ASCII, above all its 0x80-0x9F quotation marks and dashes. */
const european = fc.constantFrom('“', '”', '‘', '’', '–', '—', '€', '…', '•', '™', 'é', 'ü', 'ñ', 'ß', 'Æ', 'São Paulo', 'Zürich', 'José');
const text = fc
  .tuple(fc.array(fc.oneof(plain, tricky, european), { minLength: 1, maxLength: 8 }), fc.boolean())
  // "a<b" only at the end: "a<b>" would be a real bold tag.
  .map(([pieces, ratio]) => `${pieces.join('')}${ratio ? ' the ratio is a<b' : ''}`.replace(/\s+/g, ' ').trim())
  .filter((t) => t.length > 0);

const ris = (title: string, abstract: string) => `TY  - JOUR\r\nT1  - ${title}\r\nN2  - ${abstract}\r\nPY  - 2020\r\nER  - \r\n`;

const encodings: [string, (s: string) => Uint8Array | undefined, string | undefined][] = [
  ['UTF-8', (s) => Buffer.from(s, 'utf8'), undefined],
  ['UTF-8 with BOM', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]), undefined],
  ['UTF-16LE', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), 'read as UTF-16LE (it begins with that byte order mark)'],
  ['UTF-16BE', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]), 'read as UTF-16BE (it begins with that byte order mark)'],
  [
    'Windows-1252',
    (s) => {
      const bytes = iconv.encode(s, 'windows-1252');
      // Only text Windows-1252 can hold, in bytes that are not also UTF-8 (which are read as UTF-8, by the rule).
      if (iconv.decode(bytes, 'windows-1252') !== s) return undefined;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return ASCII.test(s) ? bytes : undefined;
      } catch {
        return bytes;
      }
    },
    'read as Windows-1252 (not UTF-8)',
  ],
];

describe('imported text comes back character for character', () => {
  it.each(encodings)('in RIS written as %s', async (_name, encode, said) => {
    await fc.assert(
      fc.asyncProperty(text, text, async (title, abstract) => {
        const bytes = encode(ris(title, abstract));
        if (!bytes) return;
        const { opened, results } = await importBytes(bytes, 'ris');
        expect(results.map((r) => r.made?.entry)).toEqual([{ title, date: '2020', summary: [escapeMarkup(abstract)] }]);
        if (said && !ASCII.test(title + abstract)) expect(opened.decoded.encoding).toBe(_name === 'Windows-1252' ? 'Windows-1252' : _name);
      }),
      { numRuns: 40 },
    );
  });

  it('in MEDLINE, where "<or=" and ">or=" are PubMed\'s ≤ and ≥', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (abstract) => {
        const { results } = await importBytes(Buffer.from(`PMID- 1\nTI  - A title.\nAB  - ${abstract}\n`), 'nbib');
        const expected = abstract.replace(/<or=/g, '≤').replace(/>or=/g, '≥');
        expect(results.map((r) => r.made?.entry?.summary)).toEqual([[escapeMarkup(expected)]]);
      }),
      { numRuns: 40 },
    );
  });

  it('with real markup tags taken out, and only those', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('i', 'b', 'sub', 'sup', 'em', 'jats:italic'), (inside, tag) => {
        const made = toEntry({ title: `Before <${tag}>word</${tag}> after`, abstract: inside });
        expect(made.entry?.title).toBe('Before word after');
        expect(made.entry?.summary).toEqual([escapeMarkup(inside)]);
      }),
    );
  });
});

describe('a date in any date field of any format is the brief date that says the same', () => {
  const parts = fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
  const two = (n: number) => String(n).padStart(2, '0');

  it('RIS DA, Y1 and PY; CSL raw, literal and date-parts; MEDLINE DP', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom('DA', 'Y1'), async ({ year, month, day }, field) => {
        const full = `${day} ${MONTHS[month - 1]} ${year}`;
        const monthYear = `${MONTHS[month - 1]} ${year}`;
        const risDay = await importBytes(Buffer.from(`TY  - JOUR\nT1  - T\n${field}  - ${year}/${two(month)}/${two(day)}/\nPY  - ${year}\nER  - \n`), 'ris');
        expect(risDay.results[0]?.made?.entry?.date).toBe(full);
        const csl = await importBytes(
          Buffer.from(
            JSON.stringify([
              { title: 'a', issued: { raw: `${year}-${two(month)}` } },
              { title: 'b', issued: { 'date-parts': [[year, month, day]] } },
              { title: 'c', issued: { literal: `Winter ${year}` } },
            ]),
          ),
          'json',
        );
        expect(csl.results.map((r) => r.made?.entry?.date)).toEqual([monthYear, full, `Winter ${year}`]);
        const medline = await importBytes(Buffer.from(`PMID- 1\nDP  - ${year} ${MONTHS[month - 1]?.slice(0, 3)}-Dec\nTI  - T.\n`), 'nbib');
        expect(medline.results[0]?.made?.entry?.date).toBe(monthYear);
        for (const r of [...risDay.results, ...csl.results, ...medline.results]) expect(isBriefDate(r.made?.entry?.date as string)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
