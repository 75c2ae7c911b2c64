// Each element described once in each language: its JSDoc (the manifest's description, as
// custom-elements.json has it after `npm run build`) is the English, widget/scripts/guide-text.ts
// holds only the Serbian line; the embed guide shows the one on its English page, the other on
// its Serbian page (the build's guide, `npm run build` first).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestElements, renderGuide } from '../../../widget/scripts/guide-page.ts';
import { ELEMENT_WORDS, esc } from '../../../widget/scripts/guide-text.ts';
import { readManifest } from '../../../widget/scripts/dist-layout.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';

const elements = manifestElements(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../custom-elements.json'), 'utf8')),
);
describe('the elements’ descriptions', () => {
  it('every element has its English in its JSDoc and its Serbian in the guide’s words, and nothing else', () => {
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.filter((e) => !e.description.trim()).map((e) => e.tagName)).toEqual([]);
    expect(Object.keys(ELEMENT_WORDS).sort()).toEqual(elements.map((e) => e.tagName).sort());
  });

  it('the guide shows the JSDoc on its English page and the Serbian line on its Serbian page', () => {
    const utility = readUtilityConfig({});
    const en = renderGuide('en', utility, readManifest(), elements, 'production');
    const sr = renderGuide('sr-Latn', utility, readManifest(), elements, 'production');
    for (const e of elements) {
      const first = esc(e.description.split('`')[0].replace(/\s+/g, ' ').trim());
      expect(en.replace(/\s+/g, ' '), e.tagName).toContain(first);
      expect(sr, e.tagName).toContain(esc(ELEMENT_WORDS[e.tagName]));
    }
  });
});
