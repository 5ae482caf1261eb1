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
      contact: null,
    });
    const entry = view.sections[0]?.items[0]?.entry;
    expect(entry).toEqual({
      id: 'entry-1',
      title: 'A report',
      url: 'https://example.org/report',
      date: 'March 2020',
      source: 'NHS',
      abstractOnly: false,
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
    // A login is required, but the brief names no service: no service is shown (validation asks for one).
    expect(view.sections[1]?.subsections[0]?.items[0]?.entry).toMatchObject({ id: 'entry-3', loginService: null });
    expect(view.closingNote.id).toBe('closing-note');
  });
});
