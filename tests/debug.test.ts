import { describe, expect, it, vi } from 'vitest';
import { runBrief } from './helpers/cli.js';

// A fault brief does not expect (a bug), simulated: building throws an ordinary Error.
vi.mock('../src/batch/batchBuild.js', () => ({
  batchBuild: async () => {
    throw new Error('boom: an invariant was broken');
  },
}));

describe('a fault brief does not expect', () => {
  it('is told in words, with no stack trace, and exit 1', async () => {
    const result = await runBrief('build', 'tests/fixtures/valid/minimal.json');
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'brief: something went wrong that brief did not expect: boom: an invariant was broken',
      'brief: run again with --debug for technical details, and tell the team that looks after brief',
    ]);
  });

  it('shows the stack trace with --debug', async () => {
    const result = await runBrief('--debug', 'build', 'tests/fixtures/valid/minimal.json');
    expect(result.code).toBe(1);
    expect(result.err[1]).toMatch(/^brief: Error: boom: an invariant was broken\n\s+at /);
  });

  it('an output folder that is a file is a usage error', async () => {
    const result = await runBrief('build', 'tests/fixtures/valid/minimal.json', '--output', 'package.json');
    expect(result.code).toBe(2);
    expect(result.err).toEqual(['brief: package.json is a file, not a folder: give --output a folder for the documents']);
  });
});
