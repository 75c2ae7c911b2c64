import { defineConfig } from 'vitest/config';

// The third utility's run (run.mjs builds the widget and the Worker for it first): what is built
// searched for Ruma and deployed as a dry run (the second utility's checks), its published Workers
// site checked for demo consumers (published-site.test.ts), then one e2e file.
export default defineConfig({
  test: {
    include: [
      'test/second-utility/bundles.test.ts',
      'test/worker/node/published-site.test.ts',
      'test/third-utility/*.test.ts',
    ],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
