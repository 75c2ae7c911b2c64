// The demo pages as widget/scripts/demo-pages.ts writes them: for the default utility they read as
// they always did (its name, its town, where its bill prints the code and PIN); for another they
// speak for it alone, its values HTML-escaped; the production form (the Workers site) has no dev
// mailbox and no development-only page, the development form (`npm start`) keeps both; a
// placeholder the configuration has no text for stops the build.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ROOT } from '../harness.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';
import { DEMO_SOURCE, fillPage, writeDemoPages } from '../../../widget/scripts/demo-pages.ts';
import type { WidgetManifest } from '../../../widget/scripts/dist-layout.ts';
import type { GuideMode } from '../../../widget/scripts/guide-page.ts';
import type { UtilityConfig } from '../../../contract/utility-config.ts';

const ruma = readUtilityConfig({});
const vodovod = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, 'demo/vodovod/utility.json') });
const manifest: WidgetManifest = {
  version: '0.1.0',
  release: '0.1.0-0123abcd',
  entry: '0.1.0-0123abcd/jp-portal.js',
  integrity: 'sha384-entry',
  files: { '0.1.0-0123abcd/jp-portal.js': 'sha384-entry', '0.1.0-0123abcd/login.js': 'sha384-login' },
  preload: ['0.1.0-0123abcd/login.js'],
};

/** The pages written for `utility` in `mode`, by file name. */
function pages(utility: UtilityConfig, mode: GuideMode): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'jp-demo-pages-'));
  try {
    const files = writeDemoPages(dir, manifest, utility, mode);
    return Object.fromEntries(files.map((f) => [basename(f), readFileSync(f, 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a reader sees: the text without tags, comments and runs of white space. */
const visible = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const TEMPLATES = readdirSync(DEMO_SOURCE).filter((f) => f.endsWith('.html'));

describe('the demo pages', () => {
  it('read for the default utility as they always did', () => {
    const p = pages(ruma, 'development');
    expect(Object.keys(p).sort()).toEqual([...TEMPLATES].sort());
    const said: Record<string, string[]> = {
      'index.html': ['Portal za korisnike — JP Stambeno Ruma', ' JP Stambeno Ruma · Ruma ', 'Demo sanduče'],
      'elements.html': ['Elementi portala — JP Stambeno Ruma', 'Prijava (&lt;jp-login&gt;)'],
      'uslovi-koriscenja.html': [
        'Uslovi korišćenja — JP Stambeno Ruma',
        'Portal JP Stambeno Ruma služi korisnicima usluga za uvid u podatke o potrošaču i račune.',
      ],
      'izjava-o-privatnosti.html': [
        'Izjava o privatnosti — JP Stambeno Ruma',
        'JP Stambeno Ruma obrađuje ime i prezime, e-mail adresu i podatke o potrošaču radi pružanja usluga portala',
      ],
      'uputstvo.html': [
        'Uputstvo za korišćenje — JP Stambeno Ruma',
        'Šifra potrošača i PIN se nalaze na papirnom računu: šifra u gornjem levom uglu računa, PIN u gornjem desnom uglu računa, ispod adrese potrošača.',
      ],
    };
    for (const [page, sentences] of Object.entries(said))
      for (const s of sentences) expect(visible(p[page]), `${page}: ${s}`).toContain(s);
    for (const [page, html] of Object.entries(p)) {
      expect(html, page).not.toContain('{{');
      // The header names the utility on every page.
      expect(html, page).toContain(`<header class="site"><a href="/">${ruma.name}</a></header>`);
    }
  });

  it("speak for another utility alone: its name, town and bill, nothing of the default's", () => {
    for (const mode of ['development', 'production'] as const)
      for (const [page, html] of Object.entries(pages(vodovod, mode))) {
        expect(html, page).toMatch(new RegExp(`<title>[^<]* — ${vodovod.name}</title>`));
        for (const s of [ruma.name, ruma.city, 'Stambeno', '{{']) expect(html, `${page}: ${s}`).not.toContain(s);
      }
    const p = pages(vodovod, 'development');
    expect(visible(p['index.html'])).toContain(`${vodovod.name} · ${vodovod.city}`);
    expect(visible(p['uputstvo.html'])).toContain(
      'šifra u gornjem desnom uglu računa, ispod adrese potrošača, PIN u donjem levom uglu računa.',
    );
  });

  it('escape what the configuration says', () => {
    const odd = { ...vodovod, name: 'A & B <i>"x"</i>', city: "D'or" };
    const html = fillPage('<title>{{name}}</title><p title="{{city}}">{{ city }}</p>', odd, 't.html');
    expect(html).toBe('<title>A &amp; B &lt;i&gt;&quot;x&quot;&lt;/i&gt;</title><p title="D&#39;or">D&#39;or</p>');
    expect(fillPage('{{contact.hours.sr-Latn}}, {{contact.email}}', vodovod, 't.html')).toBe(
      `${vodovod.contact.hours['sr-Latn']}, ${vodovod.contact.email}`,
    );
  });

  it('refuse a placeholder the configuration has no text for', () => {
    expect(() => fillPage('{{nme}}', ruma, 'x.html')).toThrow(
      'demo/x.html: {{nme}} is not a text of the configuration',
    );
    expect(() => fillPage('{{contact}}', ruma, 'x.html')).toThrow(/not a text/);
    expect(() => fillPage('{{where:city}}', ruma, 'x.html')).toThrow(/not a place on the bill/);
  });

  it('leave the dev mailbox and the development-only pages out of the production form only', () => {
    const dev = pages(ruma, 'development');
    const prod = pages(ruma, 'production');
    expect(dev['index.html']).toContain('/demo-mailbox.js');
    expect(dev['index.html']).toContain('href="/elements.html"');
    expect(dev['elements.html']).toBeDefined();
    expect(prod['elements.html']).toBeUndefined();
    expect(Object.keys(prod).sort()).toEqual([
      'index.html',
      'izjava-o-privatnosti.html',
      'uputstvo.html',
      'uslovi-koriscenja.html',
    ]);
    for (const [page, html] of Object.entries(prod))
      for (const dev of ['demo-mailbox', 'Demo sanduče', 'demo-consumers', 'elements.html', 'dev-only'])
        expect(html, `${page}: ${dev}`).not.toContain(dev);
    // The rest of the page stays: the portal and its versioned tags, the footer.
    expect(prod['index.html']).toContain('<jp-portal switch></jp-portal>');
    expect(prod['index.html']).toContain('src="/widget/0.1.0-0123abcd/jp-portal.js"');
    expect(prod['index.html']).not.toContain('src="/widget/jp-portal.js"');
    expect(visible(prod['index.html'])).toContain(' JP Stambeno Ruma · Ruma ');
  });
});
