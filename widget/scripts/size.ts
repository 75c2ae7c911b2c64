// `npm run size`: the gzip size of what a page loads for the default locale — the versioned
// jp-portal.js of the tag sites paste and the chunks it imports statically, i.e. the login —
// against the login path's budget of 14.8 KB (the issues' figure; sizes are deterministic, so a
// change that grows it fails here). The alias /widget/jp-portal.js must lead to that same entry;
// its own few bytes are printed beside, and the ratio to the peer's recorded weight (peer-weight.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENTRY, widgetDist, readManifest, staticClosure } from './dist-layout.js';
import { HANKO_ELEMENTS } from './peer-weight.js';

const BUDGET = 14_800;
const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
const entry = resolve(widgetDist(), readManifest().entry);
const alias = resolve(widgetDist(), ENTRY);
if (!staticClosure(alias).has(entry)) {
  console.error(`dist/widget/${ENTRY} does not lead to ${entry}`);
  process.exit(1);
}

const files = [...staticClosure(entry)];
const gzip = files.reduce((n, f) => n + gz(f), 0);
console.log(
  `widget, default locale: ${gzip} bytes gzip in ${files.length} file(s) (budget ${BUDGET}; hanko-elements ${HANKO_ELEMENTS.version}, recorded, ${HANKO_ELEMENTS.gzip}: ${(gzip / HANKO_ELEMENTS.gzip).toFixed(2)}×); through the alias ${gz(alias)} more`,
);
if (gzip > BUDGET) {
  console.error(`over budget by ${gzip - BUDGET} bytes`);
  process.exit(1);
}
