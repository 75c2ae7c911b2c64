// `npm run build` (after the bundle and custom-elements.json): the embed guide for the chosen
// utility (UTILITY_CONFIG) into <its root>/guide/ (worker/node/utility-root.ts), which `npm start`
// serves as /ugradnja.html and /ugradnja.en.html; `npm run build:worker` writes the same pages into
// <its root>/site (guide-page.ts).
import { relative, resolve } from 'node:path';
import { ROOT, readManifest } from './dist-layout.ts';
import { distRoot } from '../../worker/node/utility-root.ts';
import { writeGuide } from './guide-page.ts';
import { chosenUtility } from './utility-plugin.ts';

const GUIDE_DIST = resolve(distRoot(), 'guide');

const manifest = readManifest();
for (const file of writeGuide(GUIDE_DIST, chosenUtility().utility, manifest))
  console.log(`${relative(ROOT, file)}: the embed guide`);
