import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * Disks that refuse, simulated where the tests run as a user whom permissions do not stop: a
 * folder named "read-only-disk" is on a read-only disk, and a disk named "full-disk" is full
 * when the manifest is written.
 */
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const writeFile: typeof fs.writeFile = async (path, ...rest) => {
    if (String(path).includes('/read-only-disk/')) throw fault('EROFS');
    return fs.writeFile(path, ...rest);
  };
  const open: typeof fs.open = async (path, ...rest) => {
    if (/\/full-disk\/.*\.brief-manifest\.json\.brief-\d+-\d+\.tmp$/.test(String(path))) throw fault('ENOSPC');
    return fs.open(path, ...rest);
  };
  return { ...fs, writeFile, open, default: { ...fs, writeFile, open } };
});

const { runBrief } = await import('./helpers/cli.js');
const brief = 'tests/fixtures/valid/minimal.json';
const temp = () => mkdtempSync(join(tmpdir(), 'brief-faults-'));

describe('faults on brief’s own files get a plain message naming the file', () => {
  it('an output folder on a read-only disk', async () => {
    const output = join(temp(), 'read-only-disk', 'output');
    const result = await runBrief('build', brief, '--output', output);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`brief: ${output}: cannot take the lock on this output folder: the disk is read-only`]);
  });

  it('an output folder whose path runs through a file', async () => {
    const root = temp();
    writeFileSync(join(root, 'a-file'), '');
    const output = join(root, 'a-file', 'output');
    const result = await runBrief('build', brief, '--output', output);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`brief: ${output}: cannot take the lock on this output folder: part of its folder path is a file, not a folder`]);
  });

  it('a full disk when the manifest is written: the documents are built, and the manifest is named', async () => {
    const output = join(temp(), 'full-disk');
    const result = await runBrief('build', brief, '--output', output);
    expect(result.code).toBe(1);
    expect(result.out.at(-1)).toMatch(/^1 brief: 1 built, 0 unchanged \(skipped\), 0 failed, in \d+\.\d s$/);
    expect(result.err).toEqual([`brief: ${join(output, '.brief-manifest.json')}: cannot be written (the record of what was built): the disk is full`]);
    expect(readFileSync(join(output, 'minimal.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a folder in the manifest’s place', async () => {
    const output = join(temp(), 'output');
    expect((await runBrief('build', brief, '--output', output)).code).toBe(0);
    rmSync(join(output, '.brief-manifest.json'));
    mkdirSync(join(output, '.brief-manifest.json'));
    const result = await runBrief('build', brief, '--output', output);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `brief: ${join(output, '.brief-manifest.json')}: cannot be written (the record of what was built): there is a folder of that name in its place`,
    ]);
  });
});
