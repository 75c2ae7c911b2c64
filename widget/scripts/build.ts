// `npm run build`: locale modules from the XLIFF files, then one ES module bundle of every
// element at dist/widget/jp-portal.js (other locales are chunks loaded on demand).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { templateText } from './template-plugin.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'dist/widget');

execFileSync(
  process.execPath,
  [resolve(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'build', '--config', 'lit-localize.json'],
  { cwd: ROOT, stdio: 'inherit' },
);
rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { 'jp-portal': resolve(ROOT, 'widget/src/index.ts') },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2021',
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8, so Serbian letters need no \u escapes.
  charset: 'utf8',
  logLevel: 'warning',
  // The static text of the css`…`, html`…` and svg`…` templates, minified (template-plugin.ts).
  plugins: [templateText],
});
for (const f of readdirSync(OUT, { recursive: true }) as string[]) {
  if (!f.endsWith('.js')) continue;
  const bytes = readFileSync(resolve(OUT, f));
  console.log(`dist/widget/${f}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
