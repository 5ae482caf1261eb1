import { describe, expect, it } from 'vitest';
import { buildSourceMap } from '../src/load/sourceMap.js';
import { compileSchema } from '../src/validate/schemaValidator.js';
import { explainSchemaErrors } from '../src/validate/explainSchemaErrors.js';

/** ajv's errors for a brief's text, explained: one located, plain-English message each. */
const validate = compileSchema('schema/brief.schema.json');
function explain(text: string) {
  validate(JSON.parse(text));
  return explainSchemaErrors(validate.errors ?? [], 'brief.json', buildSourceMap(text)).map((d) => `${d.line}:${d.column}  ${d.pointer}  ${d.message}`);
}

const brief = (sections: string, extra = '') => `{
  "series": "Evidence Brief",
  "topic": "Test",
  "author": "A. Person",
  "organisation": "HEE",
  "team": "KM Team",
  "published": "2021-01",
  "acknowledgement": "Cite as.",${extra}
  "sections": ${sections},
  "closingNote": { "heading": "*Help", "body": ["Ask."] }
}`;

describe('schema errors explained', () => {
  it('a misspelt property: at its name, with the nearest allowed name', () => {
    expect(explain(brief('[{ "heading": "One", "entires": [] }]'))).toEqual([
      '9:36  /sections/0/entires  unknown property "entires" in a section: did you mean "entries"?',
    ]);
  });

  it('a value of the wrong kind (with the forms allowed), and a value not among those allowed, with a suggestion', () => {
    expect(explain(brief('[{ "heading": "One", "entries": [{ "title": "T", "date": 2020, "access": "Abstract only" }] }]'))).toEqual([
      '9:72  /sections/0/entries/0/date  "date" should be a year ("2020"), a month and year ("March 2020"), a day, month and year ("16 July 2025"), a season and year ("Spring 2018") or "n.d.", optionally after "updated", "published online" and the like ("updated 15 August 2025"), not the number 2020',
      '9:88  /sections/0/entries/0/access  "access" cannot be "Abstract only": use one of "free", "abstract-only", "login-required" (did you mean "abstract-only"?)',
    ]);
  });

  it('blank text, and a missing required property, named with what it is for', () => {
    const lines = explain(brief('[{ "heading": "   " }]').replace('"team": "KM Team",\n', ''));
    expect(lines).toContain(
      '1:1  /  "team" is missing: the brief needs one (The team that produced the brief, as shown in the running footer, e.g. "HEE Knowledge Management Team". At most 80 characters: with the month it must fit the running footer beside the page number.)',
    );
    expect(lines).toContain(
      '8:29  /sections/0/heading  "heading" should have some text in it (spaces and invisible characters alone print nothing), not "   "',
    );
  });
});
