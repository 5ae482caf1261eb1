import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/types.js';
import { briefView } from '../src/layout/viewModel.js';

const minimal = JSON.parse(readFileSync('tests/fixtures/valid/minimal.json', 'utf8')) as Brief;

describe('the view model templates see', () => {
  it('has every optional field present, null when the brief leaves it out (so strict templates catch a misspelt field)', () => {
    const view = briefView(minimal);
    expect(view).toMatchObject({
      title: 'Evidence Brief: Test Topic',
      month: 'January 2021',
      created: '2021-01-01',
      producedBy: null,
      about: null,
      note: null,
      contact: null,
    });
    const entry = view.sections[0]?.items[0]?.entry;
    expect(entry).toEqual({
      id: 'entry-1',
      title: 'A report',
      url: 'https://example.org/report',
      doiLink: null,
      date: 'March 2020',
      source: 'NHS',
      abstractOnly: false,
      loginRequired: true,
      loginService: 'Athens',
      summary: [
        { isList: false, text: 'A **bold** start.', items: null },
        { isList: true, text: null, items: ['one', 'two'] },
      ],
    });
  });

  it('numbers sections, subsections and entries in reading order, and keeps notes between entries in place', () => {
    const brief: Brief = {
      ...minimal,
      sections: [
        { heading: 'One', note: ['A section note.'], entries: [{ title: 'a' }, { note: ['between'] }, { title: 'b', access: 'abstract-only' }] },
        { heading: 'Two', subsections: [{ heading: 'Two point one', entries: [{ title: 'c', access: 'login-required' }] }] },
      ],
    };
    const view = briefView(brief);
    expect(view.sections.map((s) => [s.id, s.heading, s.subsections.map((sub) => sub.id)])).toEqual([
      ['section-1', 'One', []],
      ['section-2', 'Two', ['section-2-1']],
    ]);
    expect(view.sections[0]?.note).toEqual([{ isList: false, text: 'A section note.', items: null }]);
    expect(view.sections[0]?.items.map((i) => (i.isNote ? 'note' : i.entry?.id))).toEqual(['entry-1', 'note', 'entry-2']);
    expect(view.sections[0]?.items[2]?.entry?.abstractOnly).toBe(true);
    // A login is required, but the brief names no service: "Log in required*" (see access-marker.hbs).
    expect(view.sections[1]?.subsections[0]?.items[0]?.entry).toMatchObject({ id: 'entry-3', loginRequired: true, loginService: null });
    expect(view.sections.map((s) => s.number)).toEqual([null, null]);
    expect(view.closingNote.id).toBe('closing-note');
  });

  it('numbers headings with the theme option, links an entry by its url or else its DOI, and makes the citation from the fields when none is written', () => {
    const brief: Brief = {
      ...minimal,
      acknowledgement: undefined,
      topic: 'Nurses *and* Midwives',
      sections: [
        {
          heading: 'One',
          entries: [
            { title: 'both', url: 'https://example.org/santé_mentale', doi: '10.1000/a#b' },
            { title: 'doi only', doi: '10.1186/s12913-020-05678-9' },
          ],
        },
        { heading: 'Two', subsections: [{ heading: 'Two point one' }, { heading: 'Two point two' }] },
      ],
    };
    const view = briefView(brief, { numberSections: true });
    expect(view.sections.map((s) => [s.number, s.subsections.map((sub) => sub.number)])).toEqual([
      ['1', []],
      ['2', ['2.1', '2.2']],
    ]);
    expect(view.sections[0]?.items[0]?.entry).toMatchObject({
      url: 'https://example.org/sant%C3%A9_mentale',
      doiLink: { href: 'https://doi.org/10.1000/a%23b', text: 'https://doi.org/10.1000/a#b' },
    });
    expect(view.sections[0]?.items[1]?.entry).toMatchObject({ url: 'https://doi.org/10.1186/s12913-020-05678-9', doiLink: null });
    // Rich text: the field's own asterisks are printed, not read as italics.
    expect(view.acknowledgement).toBe('Evidence Brief: Nurses \\*and\\* Midwives. A. Person. (January 2021). Health Education England.');
  });
});
