import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A disk that fills while brief writes, simulated at the file handle: writes to brief's
 * temporary files either fail with ENOSPC, or (as write-file-atomic 7 let happen: one write,
 * its short count ignored) come out short while saying they wrote everything.
 */
const disk = vi.hoisted(() => ({ fault: 'none' as 'none' | 'full' | 'lies' }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof fs.open>): Promise<FileHandle> => {
    const handle = await fs.open(...args);
    if (disk.fault === 'none' || !/\.brief-\d+-\d+\.tmp$/.test(String(args[0]))) return handle;
    const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number, p: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;
    return Object.assign(handle, {
      write: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
        if (disk.fault === 'full') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        await write(buffer, offset, Math.floor(length / 3), position); // a third reaches the disk...
        return { bytesWritten: length, buffer }; // ...and the write says all of it did
      },
    });
  };
  return { ...fs, open, default: { ...fs, open } };
});

const { buildBrief } = await import('../src/pipeline/buildBrief.js');
const { createBuildContext } = await import('../src/pipeline/buildContext.js');
const { reportBuild } = await import('../src/pipeline/reportBuild.js');

describe('a full disk', () => {
  let out: string;
  beforeEach(() => {
    disk.fault = 'none';
    out = mkdtempSync(join(tmpdir(), 'brief-full-'));
    writeFileSync(join(out, 'minimal.pdf'), 'the previous PDF');
    writeFileSync(join(out, 'minimal.docx'), 'the previous Word document');
  });
  const build = () => buildBrief({ path: 'tests/fixtures/valid/minimal.json', file: 'minimal.json' }, createBuildContext({ outputDir: out }));
  const leftAlone = () => {
    expect(readFileSync(join(out, 'minimal.pdf'), 'utf8')).toBe('the previous PDF');
    expect(readFileSync(join(out, 'minimal.docx'), 'utf8')).toBe('the previous Word document');
    expect(readdirSync(out).sort()).toEqual(['minimal.docx', 'minimal.pdf']); // no temporary file left
  };

  it('is reported by file name, and both previous documents are kept, with nothing half-written left', async () => {
    disk.fault = 'full';
    const result = await build();
    expect(result.ok ? [] : result.diagnostics.map((d) => `${d.file.replace(/.*\//, '')}  ${d.message}`)).toEqual([
      'minimal.pdf  cannot be written: the disk is full; the previous file is unchanged',
      'minimal.docx  not replaced either, as minimal.pdf could not be: the previous file is unchanged',
      'minimal.html  not written either, as minimal.pdf could not be: there was no previous file',
    ]);
    expect(reportBuild('minimal.json', result).at(-1)).toBe('minimal.json: not built; the previous output, if any, is unchanged');
    leftAlone();
  });

  it('a write that comes out short while saying it wrote everything replaces nothing, and says so', async () => {
    disk.fault = 'lies';
    const result = await build();
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.diagnostics.map((d) => d.message);
    expect(messages[0]).toMatch(/^cannot be written: only \d+ of its \d+ bytes reached the disk; the previous file is unchanged$/);
    expect(messages[1]).toBe('not replaced either, as minimal.pdf could not be: the previous file is unchanged');
    leftAlone();
  });

  it('(the same build on a sound disk replaces both)', async () => {
    const result = await build();
    expect(result.ok).toBe(true);
    expect(readFileSync(join(out, 'minimal.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(out, 'minimal.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
