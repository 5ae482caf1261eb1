import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that replace a module with vi.mock: each runs in a fresh process of its own, where
 * the program's modules are loaded after the replacement. Vitest runs these first, then the rest.
 */
const ownProcess = [
  'tests/debug.test.ts',
  'tests/disk-full.test.ts',
  'tests/docx-thread-failure.test.ts',
  'tests/file-faults.test.ts',
  'tests/html-formats.test.ts',
  'tests/replace-together.test.ts',
];

/**
 * The files that take longest (10 s or more in a full run; docs/performance.md), longest first.
 * Vitest orders files by the times of its last run, kept in node_modules/.vite; on a clean clone
 * it has none and goes by file size, which left build-engine to start eleventh and the suite
 * ending with one file running alone (183 s where a second run took 152 s). A stale list costs
 * only time: every file still runs.
 */
const longest = [
  'build-engine',
  'studio-browser',
  'documents.property',
  'html-browser',
  'batch',
  'watch',
  'hostile',
  'preview-browser',
  'studio-walkthrough',
  'watch-paths',
];

/** Vitest's order (its last run's times, failures first), with the files above moved to the front. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = longest.findIndex((name) => file.moduleId.endsWith(`/tests/${name}.test.ts`));
      return at < 0 ? longest.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    // Two test files at once, not vitest's default of one fewer than the cores (one, here): most
    // of a test's time is a build in a worker thread or LibreOffice in a process of its own.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'own-process', include: ownProcess } },
      // The others share their process with the files before them: the program is loaded once
      // per process rather than once per file (a third of the suite's processor time).
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ownProcess, isolate: false } },
    ],
  },
});
