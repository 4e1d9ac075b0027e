import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // OCR workers and codecs are heavy; two cores on CI.
    maxWorkers: 2,
    // Fails the run when a test wrote into the working tree (ignored files included).
    globalSetup: ['test/support/tree-clean.global.ts'],
  },
});
