// `npm run build`: locale modules from the XLIFF files, then one ES module bundle of every
// element at dist/widget/<version>/jp-portal.js (other locales are chunks loaded on demand), its
// integrity.json, the alias dist/widget/jp-portal.js (dist-layout.ts), and the entry's
// declarations in dist/types for sites that bundle.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { templateText } from './template-plugin.js';
import { writeDemoPages } from './demo-pages.ts';
import { chosenUtility, utilityConfigPlugin } from './utility-plugin.js';
import { workersLinks } from '../../worker/scripts/wrangler-config.ts';
import {
  ENTRY,
  MANIFEST,
  WIDGET_DIST,
  type WidgetManifest,
  scriptTag,
  sri,
  staticClosure,
  versionDir,
  widgetVersion,
} from './dist-layout.js';

const ROOT = resolve(import.meta.dirname, '../..');
// The utility's configuration (UTILITY_CONFIG), checked before anything is built.
const chosen = (() => {
  try {
    return chosenUtility();
  } catch (e) {
    console.error(`The utility's configuration is not valid:\n${(e as Error).message}`);
    process.exit(1);
  }
})();
const VERSION = widgetVersion();
const OUT = versionDir(VERSION);

execFileSync(
  process.execPath,
  [resolve(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'build', '--config', 'lit-localize.json'],
  { cwd: ROOT, stdio: 'inherit' },
);
// This version is built anew; earlier versions' folders stay, so pages that pinned them keep working.
rmSync(OUT, { recursive: true, force: true });
for (const f of [ENTRY, MANIFEST, 'chunks']) rmSync(resolve(WIDGET_DIST, f), { recursive: true, force: true });
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
  // The utility's configuration: the chosen file wherever config/utility.json is imported (utility-plugin.ts).
  plugins: [templateText, utilityConfigPlugin(chosen.utility)],
});
// The office's console (/kancelarija/, docs/office.md): a bundle of its own in dist/office with its
// page, so nothing of it is on the residents' login path or in their integrity manifest.
const OFFICE = resolve(ROOT, 'dist/office');
rmSync(OFFICE, { recursive: true, force: true });
await build({
  entryPoints: { office: resolve(ROOT, 'widget/src/office/jp-office.ts') },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2021',
  outdir: OFFICE,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [templateText, utilityConfigPlugin(chosen.utility)],
});
copyFileSync(resolve(ROOT, 'widget/src/office/index.html'), resolve(OFFICE, 'index.html'));
{
  const bytes = readFileSync(resolve(OFFICE, 'office.js'));
  console.log(`dist/office/office.js: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
const files: Record<string, string> = {};
for (const f of (readdirSync(OUT, { recursive: true }) as string[]).sort()) {
  if (!f.endsWith('.js')) continue;
  const bytes = readFileSync(resolve(OUT, f));
  files[`${VERSION}/${f}`] = sri(bytes);
  console.log(`dist/widget/${VERSION}/${f}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
const entry = `${VERSION}/${ENTRY}`;
const entryFile = resolve(OUT, ENTRY);
const preload = [...staticClosure(entryFile)]
  .filter((f) => f !== entryFile)
  .map((f) => `${VERSION}/${relative(OUT, f)}`)
  .sort();
const manifest: WidgetManifest = { version: VERSION, entry, integrity: files[entry], files, preload };
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
writeFileSync(resolve(OUT, MANIFEST), manifestText);
writeFileSync(resolve(WIDGET_DIST, MANIFEST), manifestText);
// The alias: re-exports the versioned entry, whose relative chunk imports then resolve in its own folder.
writeFileSync(resolve(WIDGET_DIST, ENTRY), `export*from"./${entry}";\n`);
// The demo pages with this build's versioned tags (demo-pages.ts): written with the bundle, so they
// never name chunks or hashes of another build.
for (const file of writeDemoPages(resolve(ROOT, 'dist/demo'), manifest))
  console.log(`${relative(ROOT, file)}: a demo page with the versioned tags`);
// The API's address as the guide and the Workers build derive it from the utility's website.
const api = workersLinks(chosen.utility.website).API_URL;
console.log(`the tags to paste, for the portal at ${api} (dist/widget/${MANIFEST}):\n${scriptTag(manifest, api)}`);

// The public entry's declarations (the elements, JpEventMap, the tag names) for the package's "types".
rmSync(resolve(ROOT, 'dist/types'), { recursive: true, force: true });
execFileSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'widget/tsconfig.types.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});
