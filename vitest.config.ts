import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    // Two test files at once, not vitest's default of one fewer than the cores (one, here): most
    // of a test's time is a build in a worker thread or LibreOffice in a process of its own.
    maxWorkers: 2,
  },
});
