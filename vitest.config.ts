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
    // Tests make AWS SDK clients directly (mocks): the SDK's documented switch for its Node 22 notice,
    // which the kit's own client loader sets too (lib/engines/aws-sdk.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
