// `npm run size`: the gzip size of what a page loads for the default locale — jp-portal.js and
// the chunks it imports statically, i.e. the login — against the login path's budget of 14.8 KB
// (the issues' figure; sizes are deterministic, so a change that grows it fails here).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 14_800;
const HANKO_ELEMENTS = 44385; // @teamhanko/hanko-elements 2.7.0 dist/elements.js, gzip
const entry = resolve(import.meta.dirname, '../../dist/widget/jp-portal.js');

function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g))
    staticClosure(resolve(dirname(file), m[1]), seen);
  return seen;
}

const files = [...staticClosure(entry)];
const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
console.log(
  `widget, default locale: ${gzip} bytes gzip in ${files.length} file(s) (budget ${BUDGET}; Hanko elements ${HANKO_ELEMENTS}: ${(gzip / HANKO_ELEMENTS).toFixed(2)}×)`,
);
if (gzip > BUDGET) {
  console.error(`over budget by ${gzip - BUDGET} bytes`);
  process.exit(1);
}
