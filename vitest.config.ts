import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A CommonJS module's default export is its exports object, as in Node and in the esbuild
    // bundle (the PDF writer adjusts pdfmake's Renderer module through it).
    deps: { interopDefault: false },
  },
});
