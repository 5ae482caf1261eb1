import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** rename, made to fail for one path when a test asks (the disk refusing the second document of a pair). */
const faults = vi.hoisted(() => ({ renameFailsFor: undefined as RegExp | undefined }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const rename = async (from: string, to: string) => {
    if (faults.renameFailsFor?.test(to)) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: 'EPERM' });
    return fs.rename(from, to);
  };
  return { ...fs, rename, default: { ...fs, rename } };
});

const { replaceTogether } = await import('../src/output/replaceTogether.js');

const newPair = (dir: string) => [
  { path: join(dir, 'x.pdf'), data: Buffer.from('new PDF') },
  { path: join(dir, 'x.docx'), data: Buffer.from('new Word document') },
];
const oldPair = (dir: string) => {
  writeFileSync(join(dir, 'x.pdf'), 'old PDF');
  writeFileSync(join(dir, 'x.docx'), 'old Word document');
};
const folder = () => mkdtempSync(join(tmpdir(), 'brief-pair-'));

describe('a brief’s documents are replaced as a pair or not at all', () => {
  afterEach(() => {
    faults.renameFailsFor = undefined;
  });

  it('replaces both, leaving no temporary or kept file', async () => {
    const dir = folder();
    oldPair(dir);
    expect(await replaceTogether(newPair(dir), { durable: true })).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'x.pdf'), 'utf8')).toBe('new PDF');
    expect(readFileSync(join(dir, 'x.docx'), 'utf8')).toBe('new Word document');
    expect(readdirSync(dir).sort()).toEqual(['x.docx', 'x.pdf']);
  });

  it('a folder in the PDF’s place: neither is replaced, each message says so', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'x.docx'), 'old Word document');
    const before = readFileSync(join(dir, 'x.docx'));
    mkdirSync(join(dir, 'x.pdf'));
    writeFileSync(join(dir, 'x.pdf', 'inside'), 'kept');
    const result = await replaceTogether(newPair(dir), { durable: true });
    expect(result).toEqual({
      ok: false,
      changed: false,
      files: [
        { path: join(dir, 'x.pdf'), message: 'cannot be written: there is a folder of that name in its place; the folder is left as it is' },
        { path: join(dir, 'x.docx'), message: 'not replaced either, as x.pdf could not be: the previous file is unchanged' },
      ],
    });
    expect(readFileSync(join(dir, 'x.docx')).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'x.pdf'))).toEqual(['inside']);
    expect(readdirSync(dir).sort()).toEqual(['x.docx', 'x.pdf']);
  });

  it('when the second rename fails, the first document is put back byte for byte', async () => {
    const dir = folder();
    oldPair(dir);
    const inode = lstatSync(join(dir, 'x.pdf')).ino;
    faults.renameFailsFor = /x\.docx$/;
    const result = await replaceTogether(newPair(dir), { durable: false });
    expect(result).toEqual({
      ok: false,
      changed: false,
      files: [
        { path: join(dir, 'x.pdf'), message: 'was replaced, then put back as it was, as x.docx could not be replaced: the previous file is unchanged' },
        { path: join(dir, 'x.docx'), message: 'cannot be written: permission denied (or the file is locked against changes); the previous file is unchanged' },
      ],
    });
    expect(readFileSync(join(dir, 'x.pdf'), 'utf8')).toBe('old PDF');
    expect(lstatSync(join(dir, 'x.pdf')).ino).toBe(inode); // the very same file, not a copy
    expect(readFileSync(join(dir, 'x.docx'), 'utf8')).toBe('old Word document');
    expect(readdirSync(dir).sort()).toEqual(['x.docx', 'x.pdf']);
  });

  it('with no previous documents, a failed second rename leaves neither', async () => {
    const dir = folder();
    faults.renameFailsFor = /x\.docx$/;
    const result = await replaceTogether(newPair(dir), { durable: false });
    expect(result.ok ? [] : result.files.map((f) => f.message)).toEqual([
      'was written, then removed again, as x.docx could not be replaced: there was no previous file',
      'cannot be written: permission denied (or the file is locked against changes); there was no previous file',
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a symbolic link in a document’s place is replaced by a regular file; what it pointed at is untouched', async () => {
    const dir = folder();
    const outside = folder();
    writeFileSync(join(outside, 'precious.pdf'), 'not brief’s to change');
    symlinkSync(join(outside, 'precious.pdf'), join(dir, 'x.pdf'));
    symlinkSync(join(outside, 'missing.docx'), join(dir, 'x.docx')); // a dangling link too
    expect(await replaceTogether(newPair(dir), { durable: true })).toEqual({ ok: true });
    expect(lstatSync(join(dir, 'x.pdf')).isFile()).toBe(true);
    expect(lstatSync(join(dir, 'x.docx')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'x.pdf'), 'utf8')).toBe('new PDF');
    expect(readFileSync(join(outside, 'precious.pdf'), 'utf8')).toBe('not brief’s to change');
    expect(readdirSync(outside)).toEqual(['precious.pdf']);
  });
});
