import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A full disk, simulated: the atomic writer fails as it does when the disk fills during a write.
vi.mock('write-file-atomic', () => ({
  default: async (path: string) => {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
  },
}));

describe('a full disk', () => {
  it('is reported by file name, and nothing half-written is left', async () => {
    const { buildBrief } = await import('../src/pipeline/buildBrief.js');
    const { createBuildContext } = await import('../src/pipeline/buildContext.js');
    const out = mkdtempSync(join(tmpdir(), 'brief-full-'));
    writeFileSync(join(out, 'minimal.pdf'), 'the previous PDF');
    const result = await buildBrief({ path: 'tests/fixtures/valid/minimal.json', file: 'minimal.json' }, createBuildContext({ outputDir: out }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.message)).toEqual([
      'cannot be written: the disk is full; the previous file, if any, is unchanged',
      'cannot be written: the disk is full; the previous file, if any, is unchanged',
    ]);
    expect(readFileSync(join(out, 'minimal.pdf'), 'utf8')).toBe('the previous PDF');
  });
});
