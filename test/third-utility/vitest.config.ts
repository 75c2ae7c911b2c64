import { defineConfig } from 'vitest/config';

// The third utility's run (run.mjs builds the widget for it first): one e2e file.
export default defineConfig({
  test: {
    include: ['test/third-utility/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
