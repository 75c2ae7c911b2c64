import { defineConfig } from 'vitest/config';

// The second utility's run (run.mjs builds the widget and the Worker for it first): its bundles and
// its published Workers site, then the newcomer's flow against it.
export default defineConfig({
  test: {
    include: ['test/second-utility/*.test.ts', 'test/worker/node/published-site.test.ts', 'test/e2e/newcomer.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
