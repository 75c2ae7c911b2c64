// `npm run build:worker` (after `npm run build`): the static assets next to the Worker —
// the widget bundle, the fonts for generated PDFs, and the demo pages with their CSP; and the
// utility's configuration (UTILITY_CONFIG, checked first) for wrangler to bundle (workers/utility.ts).
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEMO_CSP, OFFICE_CSP } from '../node/csp.ts';
import { WIDGET_ALIAS, WIDGET_IMMUTABLE } from '../node/widget-caching.ts';
import { VERSION_NAME, readManifest } from '../../widget/scripts/dist-layout.ts';
import { writeGuide } from '../../widget/scripts/guide-page.ts';
import { writeDemoPages } from '../../widget/scripts/demo-pages.ts';
import { subsetFont } from '../src/bills/pdf-font-subset.ts';
import { readUtilityConfig } from '../node/utility-file.ts';
import { type WorkersLinks, workersLinks, wranglerConfig } from './wrangler-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'dist/site');
const require = createRequire(import.meta.url);

// A fault in the configuration stops the build with its field and line.
let utility: ReturnType<typeof readUtilityConfig>;
try {
  utility = readUtilityConfig(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
mkdirSync(resolve(ROOT, 'worker/workers/generated'), { recursive: true });
writeFileSync(resolve(ROOT, 'worker/workers/generated/utility.json'), `${JSON.stringify(utility, null, 2)}\n`);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(resolve(OUT, 'fonts'), { recursive: true });
// Not the demo data, nor the example configurations beside it (demo/vodovod/utility.json).
cpSync(resolve(ROOT, 'demo'), OUT, {
  recursive: true,
  filter: (f) => !f.endsWith('.csv') && !f.endsWith('utility.json'),
});
cpSync(resolve(ROOT, 'dist/widget'), resolve(OUT, 'widget'), { recursive: true });
// The office's console (/kancelarija/: its page and its own bundle, docs/office.md).
cpSync(resolve(ROOT, 'dist/office'), resolve(OUT, 'kancelarija'), { recursive: true });
// The embed guide (/ugradnja.html, /ugradnja.en.html) for this build's utility and widget version.
writeGuide(OUT, utility, readManifest());
// The demo pages load the versioned entry and preload the login's chunks (demo-pages.ts).
writeDemoPages(OUT, readManifest());
// The PDF fonts cut to the bill's characters here, once, so a Worker never subsets at run time.
for (const font of ['DejaVuSans', 'DejaVuSans-Bold'])
  writeFileSync(
    resolve(OUT, 'fonts', `${font}-bills.ttf`),
    await subsetFont(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${font}.ttf`))),
  );
// Caching as on Node (widget-caching.ts): each version folder immutable, the files beside them
// (the alias, the latest's integrity.json) short. One rule per version: rules that match the same
// path have their values joined, so no path may match two Cache-Control rules.
const versions = readdirSync(resolve(OUT, 'widget')).filter((d) => VERSION_NAME.test(d));
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
writeFileSync(
  resolve(ROOT, 'dist/wrangler.toml'),
  wranglerConfig(readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8'), links, process.env.WORKER_NAME),
);
console.log(`dist/site: widget, office, fonts, demo; the Worker bundles ${utility.name}`);
console.log(
  `dist/wrangler.toml: the portal page ${links.PORTAL_URL}, the API ${links.API_URL}, passkeys for ${links.RP_ID}` +
    ' — deploy with npx wrangler deploy --config dist/wrangler.toml',
);
