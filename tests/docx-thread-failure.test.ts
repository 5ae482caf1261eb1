import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PageMap } from '../src/document/types.js';
import type { WordWriter } from '../src/pipeline/wordJob.js';

// The PDF writer, made to fail after layout, once the Word thread has been given its job.
vi.mock('../src/writers/pdf/writePdf.js', () => ({
  writePdf: async (_document: unknown, _theme: unknown, _creator: string, options: { onLaidOut?: (pages: PageMap) => void }) => {
    options.onLaidOut?.({ headings: new Map(), pageCount: 1, starts: [], wordBreaks: [] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error('the PDF could not be drawn');
  },
}));

describe('a watcher build whose PDF and Word document both fail', () => {
  it('reports the PDF failure, and the Word thread failure after it is not left unhandled', async () => {
    const { buildBrief } = await import('../src/pipeline/buildBrief.js');
    const { createBuildContext } = await import('../src/pipeline/buildContext.js');
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const failingThread = {
        alive: true,
        write: () => new Promise<Buffer>((_, reject) => setTimeout(() => reject(new Error('the Word thread stopped')), 1)),
      } as unknown as WordWriter;
      const context = createBuildContext({ outputDir: mkdtempSync(join(tmpdir(), 'brief-docx-thread-')), wordWriter: failingThread });
      await expect(buildBrief({ path: 'tests/fixtures/valid/minimal.json', file: 'minimal.json' }, context)).rejects.toThrow('the PDF could not be drawn');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
