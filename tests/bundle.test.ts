import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../src/engine/sourceHash.js';
import { projectRoot } from './helpers/cli.js';

/** The program as `npm run build` leaves it in dist/ (npm test builds it first). */
describe('the bundled program', () => {
  it.each(['brief.cjs', 'build-worker.cjs', 'docx-worker.cjs'])('keeps %s to ASCII, so that V8 holds its source at one byte a character', (name) => {
    const bundle = readFileSync(join(projectRoot, 'dist', name));
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it('records the source it was built from, which is this source', () => {
    expect(readFileSync(join(projectRoot, 'dist', 'source-hash'), 'utf8').trim(), 'dist/ was built from other source: run npm run build (npm test does)').toBe(
      sourceHash(projectRoot),
    );
  });
});
