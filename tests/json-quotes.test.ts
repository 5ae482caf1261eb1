import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');

/** minimal.json with its entry's title replaced by `title`, as typed between the quotes. */
function briefWithTitle(title: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-quotes-'));
  const path = join(dir, 'quotes.json');
  writeFileSync(path, minimal.replace('"title": "A report"', `"title": "${title}"`));
  return path;
}

describe('quotes inside text', () => {
  it('a straight quote typed inside text is named, at the quote, with the two ways to type it', async () => {
    const path = briefWithTitle('The "big" picture');
    const result = await runBrief('validate', path);
    expect(result.code).toBe(1);
    // Line 15 is the title's line; column 25 the quote before "big".
    expect(result.out[0]).toBe(
      `${path}:15:25  JSON syntax: a straight quote (") inside text ends the text here: type it as \\" (a backslash before the quote), or use curly quotes “ ” ‘ ’, which need no backslash`,
    );
  });

  it('the same for a quoted number or a quoted true', async () => {
    for (const title of ['The "2020" report', 'A "true" story']) {
      const result = await runBrief('validate', briefWithTitle(title));
      expect(result.out[0]).toMatch(/:15:\d+ {2}JSON syntax: a straight quote \("\) inside text ends the text here: /);
    }
  });

  it('a straight quote typed \\" and curly quotes are valid, and kept as typed', async () => {
    for (const [typed, read] of [
      ['The \\"big\\" picture', 'The "big" picture'],
      ['The “big” picture, ‘small’ too', 'The “big” picture, ‘small’ too'],
    ] as const) {
      const path = briefWithTitle(typed);
      expect((await runBrief('validate', path)).code).toBe(0);
      expect(JSON.parse(readFileSync(path, 'utf8')).sections[0].entries[0].title).toBe(read);
    }
  });

  it('a missing comma between two texts on one line is still called that', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-quotes-'));
    const path = join(dir, 'comma.json');
    writeFileSync(path, minimal.replace('"title": "A report",', '"title": "A report" "url": "https://example.org/x",'));
    const result = await runBrief('validate', path);
    expect(result.out[0]).toBe(`${path}:15:31  JSON syntax: a comma is missing before this`);
  });
});
