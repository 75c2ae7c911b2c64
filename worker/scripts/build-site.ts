// `npm run build:worker` (after `npm run build`): the static assets next to the Worker —
// the widget bundle, the fonts for generated PDFs, and the demo pages with their CSP.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEMO_CSP } from '../node/csp.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'dist/site');
const require = createRequire(import.meta.url);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(resolve(OUT, 'fonts'), { recursive: true });
cpSync(resolve(ROOT, 'demo'), OUT, { recursive: true, filter: (f) => !f.endsWith('.csv') });
cpSync(resolve(ROOT, 'dist/widget'), resolve(OUT, 'widget'), { recursive: true });
for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
  cpSync(require.resolve(`dejavu-fonts-ttf/ttf/${font}`), resolve(OUT, 'fonts', font));
writeFileSync(
  resolve(OUT, '_headers'),
  `/*\n  Content-Security-Policy: ${DEMO_CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n/widget/*\n  Access-Control-Allow-Origin: *\n`,
);
console.log('dist/site: widget, fonts, demo');
