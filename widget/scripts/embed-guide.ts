// `npm run build` (after the bundle and custom-elements.json): the embed guide for the chosen
// utility (UTILITY_CONFIG) into dist/guide/, which `npm start` serves as /ugradnja.html and
// /ugradnja.en.html; `npm run build:worker` writes the same pages into dist/site (guide-page.ts).
import { relative, resolve } from 'node:path';
import { ROOT, readManifest } from './dist-layout.ts';
import { writeGuide } from './guide-page.ts';
import { chosenUtility } from './utility-plugin.ts';

const GUIDE_DIST = resolve(ROOT, 'dist/guide');

const manifest = readManifest();
for (const file of writeGuide(GUIDE_DIST, chosenUtility().utility, manifest))
  console.log(`${relative(ROOT, file)}: the embed guide`);
