// `npm run build:worker` (after `npm run build`), in the chosen utility's build root
// (worker/node/utility-root.ts: dist/, or dist/utilities/<domain>/): the static assets next to the
// Worker in site/ — the widget bundle, the fonts for generated PDFs, the embed guide and the demo
// pages in their production form with their CSP —; wrangler.toml, and beside it the utility's
// configuration (UTILITY_CONFIG, checked first) that this wrangler.toml makes the Worker bundle
// (workers/utility.ts, wrangler-config.ts).
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { DEMO_CSP, OFFICE_CSP } from '../node/csp.ts';
import { WIDGET_ALIAS, WIDGET_IMMUTABLE } from '../node/widget-caching.ts';
import { readManifest, widgetDist } from '../../widget/scripts/dist-layout.ts';
import { RELEASE_NAME } from '../../widget/scripts/release-name.ts';
import { writeGuide } from '../../widget/scripts/guide-page.ts';
import { writeDemoPages } from '../../widget/scripts/demo-pages.ts';
import { subsetFont } from '../src/bills/pdf/font-subset.ts';
import { readUtilityConfig } from '../node/utility-file.ts';
import { distRoot, utilityKey } from '../node/utility-root.ts';
import { WORKER_UTILITY, type WorkersLinks, workersLinks, wranglerConfig } from './wrangler-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

// A fault in the configuration stops the build with its field and line.
let utility: ReturnType<typeof readUtilityConfig>;
try {
  utility = readUtilityConfig(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const DIST = distRoot();
const OUT = resolve(DIST, 'site');
const utilityJson = `${JSON.stringify(utility, null, 2)}\n`;
// The Worker's configuration beside this root's wrangler.toml; the default one also where the
// template (the repository's wrangler.toml: wrangler dev, the type check) reads it.
writeFileSync(resolve(DIST, WORKER_UTILITY), utilityJson);
if (!utilityKey()) {
  mkdirSync(resolve(ROOT, 'worker/workers/generated'), { recursive: true });
  writeFileSync(resolve(ROOT, 'worker/workers/generated/utility.json'), utilityJson);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(resolve(OUT, 'fonts'), { recursive: true });
cpSync(widgetDist(), resolve(OUT, 'widget'), { recursive: true });
// The office's console (/kancelarija/: its page and its own bundle, docs/office.md).
cpSync(resolve(DIST, 'office'), resolve(OUT, 'kancelarija'), { recursive: true });
// Nothing of demo/ is copied as it is: its data (CSVs, demo/vodovod), its dev mailbox and its
// development-only pages stay out. The embed guide (/ugradnja.html, /ugradnja.en.html) for this
// build's utility and widget version, with its scripts and styles: the production pages
// (read-only, the production API address), as the Worker runs in production.
writeGuide(OUT, utility, readManifest(), 'production');
// The demo pages for this utility in their production form, loading the versioned entry (demo-pages.ts).
writeDemoPages(OUT, readManifest(), utility, 'production');
// The PDF fonts cut to the bill's characters here, once, so a Worker never subsets at run time.
for (const font of ['DejaVuSans', 'DejaVuSans-Bold'])
  writeFileSync(
    resolve(OUT, 'fonts', `${font}-bills.ttf`),
    await subsetFont(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${font}.ttf`))),
  );
// Caching as on Node (widget-caching.ts): each release folder immutable, the files beside them
// (the alias, the latest's integrity.json) short. One rule per release: rules that match the same
// path have their values joined, so no path may match two Cache-Control rules.
const versions = readdirSync(resolve(OUT, 'widget')).filter((d) => RELEASE_NAME.test(d));
writeFileSync(
  resolve(OUT, '_headers'),
  `/*\n  Content-Security-Policy: ${DEMO_CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n/widget/*\n  Access-Control-Allow-Origin: *\n` +
    `/kancelarija/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${OFFICE_CSP}\n  X-Frame-Options: DENY\n  Cache-Control: no-cache\n` +
    ['jp-portal.js', 'integrity.json'].map((f) => `/widget/${f}\n  Cache-Control: ${WIDGET_ALIAS}\n`).join('') +
    versions.map((v) => `/widget/${v}/*\n  Cache-Control: ${WIDGET_IMMUTABLE}\n`).join(''),
);
// The Workers configuration of this utility (wrangler-config.ts): its links, checked against its website.
let links: WorkersLinks;
try {
  links = workersLinks(utility.website, process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const TOML = resolve(DIST, 'wrangler.toml');
const template = readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8');
writeFileSync(
  TOML,
  wranglerConfig(template, links, process.env.WORKER_NAME, relative(DIST, ROOT).split(sep).join('/')),
);
console.log(`${relative(ROOT, OUT)}: widget, office, fonts, demo; the Worker bundles ${utility.name}`);
console.log(
  `${relative(ROOT, TOML)}: the portal page ${links.PORTAL_URL}, the API ${links.API_URL}, passkeys for ${links.RP_ID}` +
    ` — deploy with npx wrangler deploy --config ${relative(ROOT, TOML)}`,
);
