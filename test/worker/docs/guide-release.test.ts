// The embed guide names what a webmaster pins: the release folder of the tags it gives
// (integrity.json's `release`, `<version>-<hash>`), not the package's version, which several
// releases share (widget/scripts/guide-text.ts).
import { describe, expect, it } from 'vitest';
import { renderGuide } from '../../../widget/scripts/guide-page.ts';
import type { WidgetManifest } from '../../../widget/scripts/dist-layout.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';

const ruma = readUtilityConfig({});
const manifest: WidgetManifest = {
  version: '0.1.0',
  release: '0.1.0-0123abcd',
  entry: '0.1.0-0123abcd/jp-portal.js',
  integrity: 'sha384-entry',
  files: {},
  preload: [],
};

describe('the embed guide', () => {
  it('names the release in the tags it gives, in both languages and both modes', () => {
    for (const mode of ['development', 'production'] as const) {
      const sr = renderGuide('sr-Latn', ruma, manifest, [], mode);
      const en = renderGuide('en', ruma, manifest, [], mode);
      expect(sr).toContain(
        'Izdanje <code>0.1.0-0123abcd</code> (fascikla u adresi <code>/widget/0.1.0-0123abcd/</code>)',
      );
      expect(en).toContain(
        'Release <code>0.1.0-0123abcd</code> (the folder in the address <code>/widget/0.1.0-0123abcd/</code>)',
      );
      for (const page of [sr, en]) {
        expect(page).toContain('/widget/0.1.0-0123abcd/jp-portal.js');
        expect(page).not.toMatch(/<code>0\.1\.0<\/code>/);
      }
    }
  });
});
