import fc from 'fast-check';
import { monthAndYear } from '../../src/brief/months.js';
import type { BriefBlock, Brief, Entry, NoteItem, Section, Subsection } from '../../src/brief/types.js';

/**
 * Valid briefs made at random (fast-check), for property tests over whole documents.
 *
 * What the generator varies, each chosen because it has broken a document before:
 * - shape: 1-5 sections, some with subsections, notes before and between entries, entries
 *   with and without links, dates, sources and access notes, summaries of paragraphs and
 *   bullet lists;
 * - length: a summary paragraph is mostly one to a few lines, sometimes half a page, and now
 *   and then several pages (pdfmake once dropped a block taller than a page);
 * - words: English, Welsh (ŵ ŷ), French and German accents, Greek; typed composed (NFC) or
 *   decomposed (NFD, as Macs paste); soft hyphens inside long words; words longer than a
 *   line; web addresses typed in text; `& < > " '` in every field (Handlebars once escaped
 *   the running header twice);
 * - inline markup: bold, italic and links around some words.
 *
 * `textsOf(brief)` gives what a reader must find in both documents: each field's text as a
 * reader sees it (markup removed, NFC, soft hyphens gone), in reading order.
 */

/** One word, as typed. */
const latinWords = [
  'peer',
  'support',
  'workers',
  'mental',
  'health',
  'recovery',
  'NHS',
  'team',
  'evidence',
  'review',
  'study',
  'role',
  'training',
  'staff',
  'services',
  'lived',
  'experience',
  'of',
  'and',
  'the',
  'in',
  'a',
  'to',
  '2020',
  '12%',
  '£40',
  'COVID-19',
  'well-being',
  'e.g.',
  '(n=120)',
  'one/two',
  '“quoted”',
  '‘single’',
  '–',
  '—',
  '…',
];
const accentedWords = [
  'Gwasanaeth',
  'Iechyd',
  'ŵyr',
  'ŷd',
  'Cymru',
  'café',
  'naïve',
  'résumé',
  'Zürich',
  'São',
  'Tomé',
  'Ångström',
  'Dvořák',
  'Łódź',
  'Việt',
  'Bogotá',
  'Krankenhaus',
  'Gesundheitswesen',
];
const greekWords = ['υγεία', 'ψυχική', 'Αθήνα', 'ομότιμη', 'υποστήριξη'];
const markupLikeWords = ['&', 'R&D', '<', '>', 'a<b', 'x>y', '"quoted"', "it's", "'single'", '<em>', '&amp;', '{{topic}}'];

const plainWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...latinWords) },
  { weight: 4, arbitrary: fc.constantFrom(...accentedWords) },
  { weight: 1, arbitrary: fc.constantFrom(...greekWords) },
  { weight: 2, arbitrary: fc.constantFrom(...markupLikeWords) },
);

/** A long word with soft hyphens where it may break (as people paste from German or Welsh sources). */
const softHyphenated = fc.constantFrom(
  'Kranken\u00adhaus\u00adver\u00adwal\u00adtung',
  'Ge\u00adsund\u00adheits\u00adwesen',
  'Pflege\u00adwissen\u00adschaft\u00adler\u00adinnen',
  'Gwasan\u00adaethau',
);
/** A word longer than a line: it must still be printed whole, broken where it must. */
const overlongWord = fc.integer({ min: 90, max: 160 }).map((n) => 'Llanfair'.padEnd(n, 'pwllgwyngyll'));
/** A web address typed in running text. */
const address = fc.constantFrom(
  'https://www.england.nhs.uk/mental-health/',
  'https://example.org/reports/2021/peer-support-workers-benchmarking-report-final-version.pdf',
  'http://example.org/a?b=1&c=2',
);

const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: plainWord },
  { weight: 1, arbitrary: softHyphenated },
  { weight: 1, arbitrary: overlongWord },
  { weight: 1, arbitrary: address },
);

const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** Plain text, typed composed or decomposed, within the schema's limit for its field (cut at a space where there is one). */
const typed = (text: fc.Arbitrary<string>, limit: number) =>
  fc.tuple(text, fc.boolean()).map(([t, decomposed]) => {
    const typedAs = decomposed ? t.normalize('NFD') : t;
    if (typedAs.length <= limit) return typedAs;
    const space = typedAs.lastIndexOf(' ', limit);
    return typedAs.slice(0, space > 0 ? space : limit);
  });

/** A short plain-text field: a heading, a title, a source (the schema allows 300 characters in most). */
export const shortText = typed(words(1, 12), 300);

/** A summary paragraph's length in words: mostly a few lines, sometimes half a page, now and then several pages. */
const paragraphWords = fc.oneof(
  { weight: 20, arbitrary: fc.constant<[number, number]>([3, 60]) },
  { weight: 3, arbitrary: fc.constant<[number, number]>([150, 350]) },
  { weight: 1, arbitrary: fc.constant<[number, number]>([900, 1600]) },
);

/** Rich text: words with some bold, italic or linked stretches (never markup characters in the words themselves). */
export const richText: fc.Arbitrary<string> = typed(
  paragraphWords.chain(([min, max]) =>
    fc
      .array(
        fc.oneof(
          { weight: 8, arbitrary: words(1, Math.max(1, Math.floor(max / 4))) },
          { weight: 1, arbitrary: words(1, 4).map((w) => `**${w}**`) },
          { weight: 1, arbitrary: words(1, 4).map((w) => `*${w}*`) },
          { weight: 1, arbitrary: words(1, 6).map((w) => `[${w}](https://example.org/linked)`) },
        ),
        { minLength: 1, maxLength: 6 },
      )
      .chain((parts) => words(min, Math.max(min, Math.floor(max / 2))).map((tail) => [...parts, tail].join(' '))),
  ),
  20_000,
);

const block: fc.Arbitrary<BriefBlock> = fc.oneof(
  { weight: 4, arbitrary: richText },
  { weight: 1, arbitrary: fc.array(typed(words(1, 30), 20_000), { minLength: 1, maxLength: 5 }).map((list) => ({ list })) },
);
const blocks = fc.array(block, { minLength: 1, maxLength: 3 });

const entry: fc.Arbitrary<Entry> = fc
  .record(
    {
      title: shortText,
      url: fc.constantFrom('https://example.org/report', 'https://doi.org/10.1000/xyz123', 'http://example.org/a?b=1&c=2', 'https://example.org/santé_mentale'),
      doi: fc.constantFrom('10.1000/xyz123', '10.1186/s12913-020-05678-9', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'),
      date: fc.constantFrom('2020', 'March 2020', 'Spring 2018', 'n.d.', '16 July 2025', 'updated 15 August 2025', 'published online 21 May 2020'),
      source: shortText,
      access: fc.constantFrom('free' as const, 'abstract-only' as const, 'login-required' as const),
      summary: blocks,
    },
    { requiredKeys: ['title'] },
  )
  .chain((e) =>
    e.access === 'login-required'
      ? fc.oneof(
          fc.constant(e),
          fc.constantFrom('Athens', 'OpenAthens & NHS').map((loginService) => ({ ...e, loginService })),
        )
      : fc.constant(e),
  );

const noteItem: fc.Arbitrary<NoteItem> = blocks.map((note) => ({ note }));
const items = fc.array(fc.oneof({ weight: 6, arbitrary: entry }, { weight: 1, arbitrary: noteItem }), { minLength: 1, maxLength: 5 });

const subsection: fc.Arbitrary<Subsection> = fc.record({ heading: shortText, note: blocks, entries: items }, { requiredKeys: ['heading', 'entries'] });
const section: fc.Arbitrary<Section> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ heading: shortText, note: blocks, entries: items }, { requiredKeys: ['heading', 'entries'] }) },
  { weight: 1, arbitrary: fc.record({ heading: shortText, note: blocks }, { requiredKeys: ['heading', 'note'] }) },
  { weight: 1, arbitrary: fc.record({ heading: shortText, subsections: fc.array(subsection, { minLength: 1, maxLength: 3 }) }) },
);

/** A whole valid brief. */
export const briefArbitrary: fc.Arbitrary<Brief> = fc.record(
  {
    series: fc.constantFrom('Evidence Brief', 'Evidence Brief & Review'),
    topic: typed(words(1, 8), 100),
    author: typed(words(1, 3), 300),
    organisation: shortText,
    team: typed(words(1, 6), 80),
    published: fc.constantFrom('2021-01', '2026-11'),
    producedBy: shortText,
    about: richText,
    note: blocks,
    acknowledgement: typed(words(3, 20), 20_000),
    contact: fc.constant('km@example.org'),
    sections: fc.array(section, { minLength: 1, maxLength: 5 }),
    closingNote: fc.record({ heading: shortText, body: blocks }),
  },
  { requiredKeys: ['series', 'topic', 'author', 'organisation', 'team', 'published', 'producedBy', 'about', 'contact', 'sections', 'closingNote'] },
);

/** Text as a reader sees it: composed, without soft hyphens, inline markup removed. */
export function asRead(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/\*\*|\*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

const blockTexts = (list: readonly BriefBlock[] | undefined): string[] => (list ?? []).flatMap((b) => (typeof b === 'string' ? [b] : b.list));

/** Every text of the brief that a reader must find in each document, in reading order, as read. */
export function textsOf(brief: Brief): string[] {
  const texts: string[] = [brief.series, brief.topic, ...blockTexts(brief.note), brief.producedBy ?? '', brief.about ?? ''];
  // Written out, or made from the fields (src/layout/viewModel.ts, citation).
  if (brief.acknowledgement) texts.push(brief.acknowledgement);
  else texts.push(`${brief.series}: ${brief.topic}`, brief.author, `(${monthAndYear(brief.published)})`, brief.organisation);
  const part = (p: Subsection) => {
    texts.push(p.heading, ...blockTexts(p.note));
    for (const item of p.entries ?? []) {
      if ('note' in item) texts.push(...blockTexts(item.note));
      else {
        texts.push(item.title, item.date ?? '', item.source ?? '');
        // The DOI's address is printed after the source when the title links to the url.
        if (item.url && item.doi) texts.push(`https://doi.org/${item.doi}`);
        if (item.access === 'login-required') texts.push(item.loginService ? `${item.loginService} log in required` : 'Log in required');
        texts.push(...blockTexts(item.summary));
      }
    }
  };
  for (const s of brief.sections) {
    part(s);
    (s.subsections ?? []).forEach(part);
  }
  texts.push(brief.closingNote.heading, ...blockTexts(brief.closingNote.body));
  return texts.filter(Boolean).map(asRead);
}

/**
 * Text reduced for finding one text inside another whatever the line breaks: no white space
 * and no hyphens (a soft hyphen shows as one where a line breaks at it).
 */
export function squeeze(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00ad\u200b\u2060*-]+/g, '');
}
