// The peer the widget's weight is compared with, recorded: @teamhanko/hanko-elements 2.7.0's
// dist/elements.js, gzip level 9 (Node's zlib). Recorded so that `npm run size` (a step of
// `npm test`) needs no benchmark package; the benchmark (test/bench/run.ts) measures the file
// from its own package (test/bench/package.json) and fails when this record no longer matches it.
export const HANKO_ELEMENTS = { version: '2.7.0', gzip: 44_690 } as const;
