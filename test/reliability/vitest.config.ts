import { defineConfig } from 'vitest/config';

// The reliability suite: load, faults, hostile input and abuse limits. Loopback only, bounded
// in time; files run one after another so that their servers do not share the two cores.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
