// The demo pages as a built site serves them: each page that loads the widget through the latest
// alias (/widget/jp-portal.js) gets the versioned entry with its integrity and the preloads of the
// login's chunks instead (dist-layout.ts scriptTag) — one round trip less, and the login path
// fetched at once, as the guide tells a webmaster to paste it. Written with the bundle (build.ts)
// into dist/demo (served before demo/ by `npm start`) and by `npm run build:worker` into dist/site.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALIAS_TAG, ROOT, type WidgetManifest, withVersionedTags } from './dist-layout.ts';

export const DEMO_SOURCE = resolve(ROOT, 'demo');

/** Writes the demo's pages that load the widget, with the versioned tags, into `out`; returns their paths. */
export function writeDemoPages(out: string, manifest: WidgetManifest): string[] {
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const name of readdirSync(DEMO_SOURCE).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(resolve(DEMO_SOURCE, name), 'utf8');
    if (!html.includes(ALIAS_TAG)) continue;
    const file = resolve(out, name);
    writeFileSync(file, withVersionedTags(html, manifest));
    written.push(file);
  }
  return written;
}
