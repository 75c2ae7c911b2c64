// `npm run build` (after the bundle and custom-elements.json): the embed guide for the chosen
// utility (UTILITY_CONFIG) into <its root>/guide/development and …/production
// (worker/node/utility-root.ts), which the Node server serves, by its mode, as /ugradnja.html and
// /ugradnja.en.html; `npm run build:worker` writes the production pages into <its root>/site
// (guide-page.ts).
import { relative, resolve } from 'node:path';
import { ROOT, readManifest } from './dist-layout.ts';
import { distRoot } from '../../worker/node/utility-root.ts';
import { writeGuide } from './guide-page.ts';
import { chosenUtility } from './utility-plugin.ts';

const GUIDE_DIST = resolve(distRoot(), 'guide');

const manifest = readManifest();
// Both variants: the server serves the one of its mode (guide-page.ts GuideMode).
for (const mode of ['development', 'production'] as const)
  for (const file of writeGuide(resolve(GUIDE_DIST, mode), chosenUtility().utility, manifest, mode))
    console.log(`${relative(ROOT, file)}: the embed guide (${mode})`);
