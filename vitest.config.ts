import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // OCR workers and codecs are heavy; two cores on CI.
    maxWorkers: 2,
  },
});
