import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, spawnBrief } from './helpers/cli.js';
import { watchingStarted } from './helpers/waiting.js';

/** The installed `brief` command, run as a user runs it: exit codes, help, and never a stack trace. */
describe('the brief command', () => {
  it('shows help for the program and for each command, exit 0', () => {
    const program = spawnBrief(['--help']);
    expect(program.code).toBe(0);
    expect(program.stdout).toContain('validate [paths...]');
    const validate = spawnBrief(['validate', '--help']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('Usage: brief validate');
    expect(validate.stdout).toContain('default: every brief in briefs/');
  });

  it('validates every brief in briefs/ by default, exit 0', () => {
    const result = spawnBrief(['validate']);
    expect(result.stdout).toContain('briefs/peer-support-workers-2021-01.json: valid (31 contents headings, 118 entries)');
    expect(result.code).toBe(0);
  });

  it('exits 1 when a brief is wrong, printing located problems and no stack trace', () => {
    const result = spawnBrief(['validate', 'tests/fixtures/invalid/many-problems.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('tests/fixtures/invalid/many-problems.json:3:13  /series  ');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the command is used wrongly', () => {
    const unknownCommand = spawnBrief(['frobnicate']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain("brief: unknown command 'frobnicate'");
    const unknownOption = spawnBrief(['validate', '--colour']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--colour'");
    expect(spawnBrief([]).code).toBe(2);
  });

  it('names a missing file, and a folder where a brief should be', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-cli-'));
    mkdirSync(join(cwd, 'briefs', 'folder.json'), { recursive: true });
    const result = spawnBrief(['validate', 'missing.json', 'briefs'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('missing.json  no such file: check the name and folder');
    expect(result.stdout).toContain('briefs/folder.json  this is a folder, not a brief file');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so, exit 2, when run where there is no briefs/ folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-cli-'));
    writeFileSync(join(cwd, 'note.txt'), 'not a project');
    const result = spawnBrief(['validate'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no briefs/ folder in');
  });

  it('says so for brief watch and brief preview too, each naming itself, exit 2', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'brief-cli-'));
    for (const [command, verb] of [
      ['watch', 'watch'],
      ['preview', 'preview'],
    ]) {
      const result = spawnBrief([command as string], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`: run brief ${command} in the project folder, or name the briefs to ${verb}`);
    }
  });
});

describe('brief watch from the command line', () => {
  it('builds, watches, and stops cleanly on Ctrl-C', async () => {
    const { spawn } = await import('node:child_process');
    const { cpSync } = await import('node:fs');
    const cwd = mkdtempSync(join(tmpdir(), 'brief-cli-watch-'));
    mkdirSync(join(cwd, 'briefs'));
    cpSync('tests/fixtures/valid/minimal.json', join(cwd, 'briefs', 'minimal.json'));
    const child = spawn(process.execPath, [`${projectRoot}bin/brief.js`, 'watch'], { cwd });
    const watch = watchingStarted(child);
    await watch.started;
    expect(watch.stdout()).toContain('first build -> briefs/minimal.json: wrote output/minimal.pdf');
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(watch.stdout()).toContain('stopped watching');
  });
});
