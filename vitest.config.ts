import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    // Two test files at once, not vitest's default of one fewer than the cores (one, here): most
    // of a test's time is a build in a worker thread or LibreOffice in a process of its own.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'own-process', include: ownProcess } },
      // The others share their process with the files before them: the program is loaded once
      // per process rather than once per file (a third of the suite's processor time).
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ownProcess, isolate: false } },
    ],
  },
});
