import { describe, expect, it } from 'vitest';
import { runBrief } from './helpers/cli.js';

const dir = 'tests/fixtures/invalid';

/**
 * Each broken brief, and exactly what `brief validate` must say about it:
 * the file, line and column, the JSON pointer, and the words a person reads.
 * Every fixture is tests/fixtures/valid/minimal.json with one thing broken.
 */
const cases: { fixture: string; expected: string[] }[] = [
  // JSON syntax
  {
    fixture: 'trailing-comma',
    expected: ['29:3  JSON syntax: a comma before "}" has nothing after it: remove that last comma (JSON allows no comma after the last item)'],
  },
  { fixture: 'missing-comma', expected: ['5:3  JSON syntax: a comma is missing before this'] },
  { fixture: 'single-quotes', expected: ['18:21  JSON syntax: text must be in double quotes ("like this"), not single quotes'] },
  { fixture: 'comment', expected: ['3:3  JSON syntax: comments are not allowed in a JSON file: remove the comment'] },
  { fixture: 'unquoted-key', expected: ['7:3  JSON syntax: property name team must be in double quotes: "team"'] },
  {
    fixture: 'truncated',
    expected: ['25:4  JSON syntax: the file ends too soon, just after this ",": the rest of the brief, or a closing } or ], is missing'],
  },
  { fixture: 'empty', expected: ['1:1  the file is empty: a brief is a JSON object, starting with {'] },
  { fixture: 'latin1', expected: ['18:29  the file is not UTF-8 text: save it with UTF-8 encoding (the bytes here are not UTF-8)'] },
  // wrong types
  { fixture: 'series-number', expected: ['3:13  /series  "series" should be text in quotes, not the number 2021'] },
  {
    fixture: 'date-number',
    expected: [
      '17:19  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not the number 2020',
    ],
  },
  { fixture: 'list-item-number', expected: ['21:62  /sections/0/entries/0/summary/1/list/1  item 2 of "list" should be text in quotes, not the number 2'] },
  {
    fixture: 'sections-object',
    expected: [
      '10:15  /sections  "sections" should be a list in [ ], not an object',
      '10:33  /unused  unknown property "unused" in the brief: allowed here: "$schema", "theme", "layout", "series", "topic", "author", "organisation", "team", "published", "producedBy", "about", "note", "acknowledgement", "contact", "sections", "closingNote"',
    ],
  },
  // missing and empty fields
  {
    fixture: 'missing-title',
    expected: [
      '14:9  /sections/0/entries/0  "title" is missing: an entry needs one (The title of the publication, exactly as published. It is printed as a link when the entry has a url.)',
    ],
  },
  { fixture: 'empty-heading', expected: ['12:18  /sections/0/heading  "heading" is empty: write something, or leave the property out if it is optional'] },
  { fixture: 'empty-sections', expected: ['10:15  /sections  "sections" is an empty list: it needs at least 1 item'] },
  // unknown and misspelt properties
  { fixture: 'misspelt-summary', expected: ['21:11  /sections/0/entries/0/sumary  unknown property "sumary" in an entry: did you mean "summary"?'] },
  {
    fixture: 'misspelt-list',
    expected: [
      '21:44  /sections/0/entries/0/summary/1  "list" is missing: a bullet list needs one (The items of the list, one string each, in rich text.)',
      '21:46  /sections/0/entries/0/summary/1/lsit  unknown property "lsit" in a bullet list: did you mean "list"?',
    ],
  },
  {
    fixture: 'unknown-property',
    expected: [
      '7:3  /colour  unknown property "colour" in the brief: allowed here: "$schema", "theme", "layout", "series", "topic", "author", "organisation", "team", "published", "producedBy", "about", "note", "acknowledgement", "contact", "sections", "closingNote"',
    ],
  },
  // dates
  {
    fixture: 'bad-date-abbreviated',
    expected: [
      '17:19  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not "Mar 2020"',
    ],
  },
  {
    fixture: 'bad-date-iso',
    expected: [
      '17:19  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not "2020-03-01"',
    ],
  },
  {
    fixture: 'bad-date-no-such-day',
    expected: ['17:19  /sections/0/entries/0/date  "date" names a day its month does not have ("31 February 2020")'],
  },
  {
    fixture: 'bad-published',
    expected: ['8:16  /published  "published" should be the publication month as year-month, e.g. "2021-01" for January 2021, not "January 2021"'],
  },
  // links
  {
    fixture: 'url-ftp',
    expected: [
      '16:18  /sections/0/entries/0/url  "url" should be a web address starting with https:// or http:// (or a mailto: address), not "ftp://example.org/report"',
    ],
  },
  {
    fixture: 'url-javascript',
    expected: [
      '16:18  /sections/0/entries/0/url  "url" should be a web address starting with https:// or http:// (or a mailto: address), not "javascript:alert(1)"',
    ],
  },
  {
    fixture: 'url-no-scheme',
    expected: [
      '16:18  /sections/0/entries/0/url  "url" should be a web address starting with https:// or http:// (or a mailto: address), not "www.example.org/report"',
    ],
  },
  {
    fixture: 'link-in-summary',
    expected: [
      '21:23  /sections/0/entries/0/summary/0  in item 1 of "summary", the link "the file" goes to "file:///etc/passwd": links must start with https://, http:// or mailto:',
    ],
  },
  // access markers
  {
    fixture: 'access-wording',
    expected: [
      '19:21  /sections/0/entries/0/access  "access" cannot be "Abstract only": use one of "free", "abstract-only", "login-required" (did you mean "abstract-only"?)',
    ],
  },
  {
    fixture: 'service-without-login',
    expected: [
      '14:9  /sections/0/entries/0  item 1 of "entries" has a "loginService" but its "access" is not "login-required": remove "loginService", or set "access": "login-required"',
    ],
  },
  // a BOM and CRLF line ends do not shift the place reported
  {
    fixture: 'bom-crlf-bad-date',
    expected: [
      '17:19  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not "Mar 2020"',
    ],
  },
  // every problem in a file, not just the first, in file order
  {
    fixture: 'many-problems',
    expected: [
      '3:13  /series  "series" is empty: write something, or leave the property out if it is optional',
      '17:19  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not "Marchh 2020"',
      '18:28  /sections/0/entries/0/acess  unknown property "acess" in an entry: did you mean "access"?',
    ],
  },
];

describe('brief validate explains every broken brief', () => {
  it.each(cases)('$fixture', async ({ fixture, expected }) => {
    const file = `${dir}/${fixture}.json`;
    const { code, out } = await runBrief('validate', file);
    expect(code).toBe(1);
    expect(out).toEqual([...expected.map((line) => `${file}:${line}`), `${file}: ${expected.length} problem${expected.length === 1 ? '' : 's'}`]);
  });

  it('has a case for every broken fixture', async () => {
    const { readdir } = await import('node:fs/promises');
    const fixtures = (await readdir(dir)).map((name) => name.replace(/\.json$/, '')).sort();
    expect(cases.map((c) => c.fixture).sort()).toEqual(fixtures);
  });
});

describe('brief validate accepts what it should', () => {
  it.each(['minimal', 'bom-crlf', 'hostile-text'])('%s is valid', async (name) => {
    const file = `tests/fixtures/valid/${name}.json`;
    const { code, out } = await runBrief('validate', file);
    expect(out).toEqual([`${file}: valid (2 contents headings, 1 entry)`]);
    expect(code).toBe(0);
  });

  it('checks a whole folder and sums up', async () => {
    const { readdir } = await import('node:fs/promises');
    const valid = (await readdir('tests/fixtures/valid')).length;
    const { code, out } = await runBrief('validate', dir, 'tests/fixtures/valid');
    expect(code).toBe(1);
    expect(out.at(-1)).toBe(`${cases.length + valid} briefs checked: ${valid} valid, ${cases.length} with problems`);
  });
});
