import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/types.js';
import { runBrief } from './helpers/cli.js';

/** Run `brief <args>` in a new empty folder; returns what it printed and the folder. */
async function inNewFolder(...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'brief-new-'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { dir, ...(await runBrief(...args)) };
  } finally {
    process.chdir(cwd);
  }
}

const now = new Date();
const month = now.toLocaleString('en-GB', { month: 'long' });
const published = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

describe('brief new', () => {
  it('writes a lean brief: one section with one example entry, no acknowledgement, and names every placeholder by line', async () => {
    const { dir, code, out, err } = await inNewFolder('new', 'nursing-associates', '--title', 'Nursing Associates');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'wrote briefs/nursing-associates.json',
      'Replace what says REPLACE in it (2 places):',
      '  line 5: "author": your name (the acknowledgement on the title page is made from it)',
      '  line 16: the example entry in "Key publications – the big picture": put a publication\'s title, url, date, source and summary in it, or delete it once you have added your own entries',
      'Then add sections and entries (by hand, or with brief import) and run: npx brief build briefs/nursing-associates.json',
    ]);
    const text = readFileSync(join(dir, 'briefs', 'nursing-associates.json'), 'utf8');
    const lines = text.split('\n');
    expect(lines[4]).toBe('  "author": "REPLACE with your name",');
    expect(lines[15]).toBe('        {');
    expect(lines[16]).toBe('          "title": "REPLACE with the title of a publication, exactly as published",');
    const brief = JSON.parse(text) as Brief;
    expect(brief.topic).toBe('Nursing Associates');
    expect(brief.published).toBe(published);
    expect(brief.acknowledgement).toBeUndefined();
    expect(brief.sections).toEqual([
      {
        heading: 'Key publications – the big picture',
        entries: [
          {
            title: 'REPLACE with the title of a publication, exactly as published',
            url: 'https://example.org/REPLACE-with-its-web-address',
            date: `${month} ${now.getFullYear()}`,
            source: 'REPLACE with who published it, e.g. NHS England',
            summary: ['REPLACE with a summary of the publication, in a paragraph or more.'],
          },
        ],
      },
    ]);
    // Every text that says REPLACE is named in the hint: the author, and the four in the example entry.
    expect(text.split('REPLACE').length - 1).toBe(5);
  });

  it("with --standard-sections, has the team's standard sections (the 2021 brief's headings) and no example entry", async () => {
    const { dir, code, out } = await inNewFolder('new', 'nursing-associates', '--title', 'Nursing Associates', '--standard-sections');
    expect(code).toBe(0);
    expect(out).toEqual([
      'wrote briefs/nursing-associates.json',
      'Replace what says REPLACE in it (one place):',
      '  line 5: "author": your name (the acknowledgement on the title page is made from it)',
      'Then add entries to its sections (by hand, or with brief import), delete the sections you do not need, and run: npx brief build briefs/nursing-associates.json',
    ]);
    const brief = JSON.parse(readFileSync(join(dir, 'briefs', 'nursing-associates.json'), 'utf8')) as Brief;
    const standard = JSON.parse(readFileSync('briefs/peer-support-workers-2021-01.json', 'utf8')) as Brief;
    expect(brief.sections.map((s) => s.heading)).toEqual(standard.sections.map((s) => s.heading));
    expect(brief.sections.find((s) => s.heading === 'HEE Star')?.note).toEqual([
      'More resources and tools are available by searching “**Nursing Associates**” in the HEE Star',
    ]);
    expect(brief.sections.flatMap((s) => [...(s.entries ?? []), ...(s.subsections ?? []).flatMap((k) => k.entries ?? [])])).toEqual([]);
  });

  it('both kinds are valid briefs', async () => {
    for (const extra of [[], ['--standard-sections']]) {
      const { dir } = await inNewFolder('new', 'x', '--title', 'X', ...extra);
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        expect((await runBrief('validate', 'briefs/x.json')).code).toBe(0);
      } finally {
        process.chdir(cwd);
      }
    }
  });

  it('accepts the name with .json or briefs/ typed, always writing briefs/<name>.json', async () => {
    for (const name of ['x.json', 'briefs/x', 'briefs/x.json']) {
      const { dir, out, code } = await inNewFolder('new', name, '--title', 'X');
      expect(code).toBe(0);
      expect(out[0]).toBe('wrote briefs/x.json');
      expect(JSON.parse(readFileSync(join(dir, 'briefs', 'x.json'), 'utf8')).topic).toBe('X');
    }
  });

  it('refuses a name with other folders or characters, and never replaces a brief', async () => {
    const bad = await inNewFolder('new', 'notes/x.json', '--title', 'X');
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([
      'brief: "notes/x.json" cannot be a brief\'s name: use lower-case letters, digits and hyphens, e.g. "nursing-associates-2026-11" (brief new always writes into briefs/)',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'brief-new-'));
    mkdirSync(join(dir, 'briefs'));
    writeFileSync(join(dir, 'briefs', 'x.json'), '{"kept": true}');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const again = await runBrief('new', 'x.json', '--title', 'Other');
      expect(again.code).toBe(1);
      expect(again.err).toEqual(['brief: briefs/x.json already exists; brief new never replaces a brief: choose another name']);
      expect(readFileSync('briefs/x.json', 'utf8')).toBe('{"kept": true}');
    } finally {
      process.chdir(cwd);
    }
  });
});
