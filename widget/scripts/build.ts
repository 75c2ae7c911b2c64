// `npm run build` (`-- --replace` to rewrite an unpublished release): locale modules from the
// XLIFF files, then one ES module bundle of every element in the chosen utility's root
// (worker/node/utility-root.ts) at widget/<release>/jp-portal.js (release-name.ts; other locales
// are chunks loaded on demand) with its integrity.json — settled by release-folder.ts, so a
// released folder never changes —, the alias widget/jp-portal.js (dist-layout.ts), the office's
// bundle, the demo pages, the entry's declarations in types/ for sites that bundle, then
// custom-elements.json (the default configuration's, committed) and the embed guide.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { templateText } from './template-plugin.js';
import { writeDemoPages } from './demo-pages.ts';
import { chosenUtility, compiledUtility, utilityConfigPlugin } from './utility-plugin.js';
import { workersLinks } from '../../worker/scripts/wrangler-config.ts';
import { distRoot, utilityKey } from '../../worker/node/utility-root.ts';
import { releaseName } from './release-name.ts';
import { ReleaseChangedError, settleRelease } from './release-folder.ts';
import {
  ENTRY,
  MANIFEST,
  type WidgetManifest,
  scriptTag,
  sri,
  staticClosure,
  widgetDist,
  widgetVersion,
} from './dist-layout.js';

const ROOT = resolve(import.meta.dirname, '../..');
const unknown = process.argv.slice(2).filter((a) => a !== '--replace');
if (unknown.length) {
  console.error(`unknown argument ${unknown.join(' ')}: the only one is --replace (rewrite an unpublished release)`);
  process.exit(1);
}
const REPLACE = process.argv.includes('--replace');
// The utility's configuration (UTILITY_CONFIG), checked before anything is built.
const chosen = (() => {
  try {
    return chosenUtility();
  } catch (e) {
    console.error(`The utility's configuration is not valid:\n${(e as Error).message}`);
    process.exit(1);
  }
})();
const DIST = distRoot();
const WIDGET_DIST = widgetDist();
const shown = (f: string) => relative(ROOT, f);
const RELEASE = releaseName(widgetVersion(), compiledUtility(chosen.utility));
const OUT = resolve(WIDGET_DIST, RELEASE);

execFileSync(
  process.execPath,
  [resolve(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'build', '--config', 'lit-localize.json'],
  { cwd: ROOT, stdio: 'inherit' },
);
// The release is built into a staging folder in the root (on the same disk, never copied into a
// site), then settled (release-folder.ts): other releases' folders stay, so pages that pinned them
// keep working.
mkdirSync(WIDGET_DIST, { recursive: true });
const STAGED = mkdtempSync(resolve(DIST, '.widget-'));
// Whatever happens, no staging folder is left behind (it is gone once settled).
process.on('exit', () => rmSync(STAGED, { recursive: true, force: true }));
await build({
  entryPoints: { 'jp-portal': resolve(ROOT, 'widget/src/index.ts') },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2021',
  outdir: STAGED,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8, so Serbian letters need no \u escapes.
  charset: 'utf8',
  logLevel: 'warning',
  // The static text of the css`…`, html`…` and svg`…` templates, minified (template-plugin.ts).
  // The utility's configuration: the chosen file wherever config/utility.json is imported (utility-plugin.ts).
  plugins: [templateText, utilityConfigPlugin(chosen.utility)],
});
// The release's manifest, from the staged files; then the release settled into its folder.
const files: Record<string, string> = {};
for (const f of (readdirSync(STAGED, { recursive: true }) as string[]).sort()) {
  if (!f.endsWith('.js')) continue;
  const bytes = readFileSync(resolve(STAGED, f));
  files[`${RELEASE}/${f.split('\\').join('/')}`] = sri(bytes);
  console.log(`${shown(OUT)}/${f}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
const entry = `${RELEASE}/${ENTRY}`;
const entryFile = resolve(STAGED, ENTRY);
const preload = [...staticClosure(entryFile)]
  .filter((f) => f !== entryFile)
  .map((f) => `${RELEASE}/${relative(STAGED, f).split('\\').join('/')}`)
  .sort();
const manifest: WidgetManifest = {
  version: widgetVersion(),
  release: RELEASE,
  entry,
  integrity: files[entry],
  files,
  preload,
};
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
writeFileSync(resolve(STAGED, MANIFEST), manifestText);
try {
  const settled = settleRelease(STAGED, OUT, shown(OUT), REPLACE);
  console.log(
    {
      new: `${shown(OUT)}: written`,
      unchanged: `${shown(OUT)}: unchanged (the same bytes as before)`,
      replaced: `${shown(OUT)}: REPLACED (--replace) — never deploy it if ${RELEASE} was published`,
    }[settled],
  );
} catch (e) {
  if (!(e instanceof ReleaseChangedError)) throw e;
  console.error(e.message);
  process.exit(1);
}
writeFileSync(resolve(WIDGET_DIST, MANIFEST), manifestText);
// The alias: re-exports the versioned entry, whose relative chunk imports then resolve in its own folder.
writeFileSync(resolve(WIDGET_DIST, ENTRY), `export*from"./${entry}";\n`);

// The office's console (/kancelarija/, docs/office.md): a bundle of its own in <root>/office with
// its page, so nothing of it is on the residents' login path or in their integrity manifest.
const OFFICE = resolve(DIST, 'office');
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
  console.log(`${shown(OFFICE)}/office.js: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
// The demo pages for this utility with this build's versioned tags, development form (demo-pages.ts):
// written with the bundle, so they never name chunks or hashes of another build.
for (const file of writeDemoPages(resolve(DIST, 'demo'), manifest, chosen.utility, 'development'))
  console.log(`${shown(file)}: a demo page for ${chosen.utility.name} with the versioned tags`);
// The API's address as the guide and the Workers build derive it from the utility's website.
const api = workersLinks(chosen.utility.website).API_URL;
console.log(
  `the tags to paste, for the portal at ${api} (${shown(WIDGET_DIST)}/${MANIFEST}):\n${scriptTag(manifest, api)}`,
);

// The public entry's declarations (the elements, JpEventMap, the tag names) for the package's "types".
const TYPES = resolve(DIST, 'types');
rmSync(TYPES, { recursive: true, force: true });
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
node([resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'widget/tsconfig.types.json', '--outDir', TYPES]);
// custom-elements.json is committed: the default configuration's (its tokens' defaults are its colours).
if (!utilityKey())
  node([
    resolve(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
    'analyze',
    '--litelement',
    '--globs',
    'widget/src/jp-*.ts',
    '--outdir',
    '.',
    '--quiet',
  ]);
// The embed guide for this utility and release (embed-guide.ts), into <root>/guide.
node(['--import', 'tsx', resolve(ROOT, 'widget/scripts/embed-guide.ts')]);
