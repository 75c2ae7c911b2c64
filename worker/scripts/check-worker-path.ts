// `npm run check:worker`: bundles the Workers entry (and with it the shared app) for a runtime
// without Node — platform "neutral", no Node built-ins — and fails if anything Node-only is
// reachable from it.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE_ONLY =
  /(^|\/)node_modules\/(@node-rs\/|@hono\/node-server\/|libsql\/|@libsql\/(?!client\/|core\/|hrana-client\/|isomorphic-)|better-sqlite3\/)|^node:/;

const result = await build({
  // The Workers entry and, through it, the shared app.
  entryPoints: [resolve(ROOT, 'worker/workers/entry.ts')],
  external: ['*.wasm'],
  bundle: true,
  write: false,
  minify: true,
  platform: 'neutral',
  format: 'esm',
  mainFields: ['module', 'main'],
  conditions: ['workerd', 'worker', 'browser', 'import'],
  metafile: true,
  logLevel: 'silent',
}).catch((e: { errors: { text: string; location?: { file: string } }[] }) => {
  console.error('The Worker does not build without Node:');
  for (const err of e.errors.slice(0, 20))
    console.error(`  ${err.text}${err.location ? ` (${err.location.file})` : ''}`);
  process.exit(1);
});

const offenders = Object.keys(result.metafile.inputs).filter((f) => NODE_ONLY.test(f));
if (offenders.length) {
  console.error(`Node-only modules reachable from the Workers entry:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
const bytes = result.outputFiles[0].contents;
console.log(
  `worker path: ${Object.keys(result.metafile.inputs).length} modules, no Node-only ones; ${(bytes.length / 1024).toFixed(0)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzip`,
);
