import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBrief } from './helpers/cli.js';

/** A project folder with one brief, briefs/x.json (the minimal fixture). */
function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'brief-names-'));
  mkdirSync(join(cwd, 'briefs'));
  cpSync('tests/fixtures/valid/minimal.json', join(cwd, 'briefs', 'x.json'));
  return cwd;
}

describe('naming briefs and the program', () => {
  it('brief --version prints the version in package.json, exit 0', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = spawnBrief([flag]);
      expect(result).toEqual({ code: 0, stdout: `brief ${version}\n`, stderr: '' });
    }
  });

  it('a brief may be named without .json, and by its name alone when it is in briefs/', () => {
    const cwd = project();
    for (const name of ['briefs/x', 'briefs/x.json', 'x', 'x.json']) {
      const result = spawnBrief(['validate', name], cwd);
      expect(result.stdout).toBe('briefs/x.json: valid (2 contents headings, 1 entry)\n');
      expect(result.code).toBe(0);
    }
  });

  it('brief build briefs/x builds briefs/x.json', () => {
    const cwd = project();
    const result = spawnBrief(['build', 'briefs/x'], cwd);
    expect(result.code).toBe(0);
    // Not on a terminal, each line starts with the time.
    expect(result.stdout).toMatch(/^\S+Z {2}briefs\/x\.json: wrote output\/x\.pdf \(\d+ pages, \d+ KB\), output\/x\.docx \(\d+ KB\) and output\/x\.html /m);
  });

  it('brief import --into takes the brief by the same names', () => {
    const cwd = project();
    cpSync('tests/fixtures/import/new-editions.ris', join(cwd, 'refs.ris'));
    for (const name of ['briefs/x', 'x']) {
      const result = spawnBrief(['import', 'refs.ris', '--into', name, '--section', 'Imported', '--dry-run'], cwd);
      expect(result.stdout).toContain('2 RIS records: 2 would be added to "Imported"');
      expect(result.code).toBe(0);
    }
  });

  it('a name that is no brief is reported as typed', () => {
    const cwd = project();
    const result = spawnBrief(['validate', 'briefs/y'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('briefs/y  no such file: check the name and folder');
  });
});
