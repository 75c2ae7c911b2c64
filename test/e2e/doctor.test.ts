// The installation check as a webmaster runs it, in real Chromium, on a page of a second local
// origin that holds the pasted tag, <jp-portal> and <jp-doctor>: once set up right (the page's
// origin in ALLOWED_ORIGINS, the same site as the API, PORTAL_URL naming this page while the API
// has its own origin, the latest release, a CSP that lets the portal in) — every item green; once
// wrong (another origin, not allowed, the mails' links elsewhere, a CSP whose connect-src leaves the
// API out, no page language, an IP address) — each problem named with the line to write; a page
// pinned to an older release gets the lines to paste. Both at 320 and 390 px, in Latin and
// Cyrillic; screenshots in test-results/e2e/doctor/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, startServer, type PortalServer } from './server.ts';
import { collectErrors } from './page-checks.ts';
import { readManifest, scriptTag } from '../../widget/scripts/dist-layout.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results/e2e/doctor');
const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

let portal: PortalServer;
let site: Server;
let sitePort: number;
let browser: Browser;
/** The host page's CSP by path, and its HTML. */
const pages = new Map<string, { csp: string; html: string }>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sitePort = await freePort();
  // Only the page on localhost:<sitePort> is allowed; the same page on 127.0.0.1 is not. The mails'
  // links open the site's portal page; the API keeps its own origin (API_URL).
  const port = await freePort();
  portal = await startServer({
    port,
    env: {
      ALLOWED_ORIGINS: `http://localhost:${sitePort}`,
      PORTAL_URL: `http://localhost:${sitePort}/portal.html`,
      API_URL: `http://localhost:${port}`,
    },
  });
  site = createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const page = pages.get(req.url ?? '');
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp });
    res.end(page.html);
  });
  await new Promise<void>((ok) => site.listen(sitePort, '127.0.0.1', ok));
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => site?.close(ok));
  await portal?.stop();
});

function sitePage(path: string, o: { csp: string; htmlLang?: string; portalLang?: string; pinned?: string }) {
  // An older release's tag first (of a type the browser does not run): the one the check reads.
  const older = o.pinned
    ? `<script type="text/x-older" src="${portal.url}/widget/${o.pinned}/jp-portal.js"></script>`
    : '';
  const tag = older + scriptTag(readManifest(), portal.url);
  const lang = o.htmlLang ? ` lang="${o.htmlLang}"` : '';
  const portalLang = o.portalLang ? ` lang="${o.portalLang}"` : '';
  pages.set(path, {
    csp: o.csp,
    html:
      `<!doctype html><html${lang}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>Sajt</title>${tag}</head><body>` +
      `<jp-portal api="${portal.url}"${portalLang}></jp-portal>` +
      '<jp-doctor>Provera se nije pokrenula: skripta portala nije učitana.</jp-doctor></body></html>',
  });
}

interface Item {
  id: string;
  state: string;
  text: string;
  line: string | null;
}

async function run(url: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.locator('jp-doctor .jp-doc-list').waitFor({ timeout: 20_000 });
  await page.locator('jp-doctor button[aria-busy="false"]').waitFor();
  const items: Item[] = await page.$$eval('jp-doctor [data-check]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-check') ?? '',
      state: el.className.match(/jp-doc-(ok|bad|warn|unknown)/)?.[1] ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' '),
      line: el.querySelector('.jp-doc-line')?.textContent ?? null,
    })),
  );
  return { context, page, errors, items };
}

async function axe(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol: the page's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () =>
    (globalThis as any).axe.run('jp-doctor', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }),
  );
  return result.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
}

async function noSidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

const byId = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('<jp-doctor> on the webmaster’s page', () => {
  const goodCsp = () =>
    `default-src 'self'; script-src ${portal.url}; connect-src ${portal.url}; style-src 'self'; img-src 'self'`;

  for (const [locale, width] of [
    ['sr-Latn', 390],
    ['sr-Cyrl', 320],
    ['sr-Latn', 320],
    ['sr-Cyrl', 390],
  ] as const) {
    it(`is all green on an allowed page of the same site (${locale}, ${width} px)`, async () => {
      // The portal's page (PORTAL_URL), whatever its query.
      sitePage(`/portal.html?${locale}-${width}`, { csp: goodCsp(), htmlLang: locale });
      const { context, page, errors, items } = await run(
        `http://localhost:${sitePort}/portal.html?${locale}-${width}`,
        width,
      );
      expect(items.map((i) => [i.id, i.state])).toEqual([
        ['api', 'ok'],
        ['release', 'ok'],
        ['origin', 'ok'],
        ['links', 'ok'],
        ['cookie', 'ok'],
        ['csp', 'ok'],
        ['look', 'ok'],
        ['lang', 'ok'],
        ['passkeys', 'ok'],
      ]);
      const status = await page.locator('jp-doctor [role=status]').textContent();
      expect(status).toBe(
        locale === 'sr-Latn'
          ? 'Sve je u redu: portal će raditi na ovoj stranici.'
          : 'Све је у реду: портал ће радити на овој страници.',
      );
      if (locale === 'sr-Latn') {
        const it = byId(items);
        expect(it.api.text).toContain(`Portal na adresi ${portal.url} odgovara`);
        expect(it.origin.text).toContain(`(http://localhost:${sitePort}) je na spisku ALLOWED_ORIGINS`);
        expect(it.passkeys.text).toContain('važe za localhost');
        expect(it.links.text).toContain(`vode na ovu stranicu (http://localhost:${sitePort}/portal.html)`);
        expect(it.release.text).toContain(`najnoviju verziju portala (${readManifest().entry.split('/')[0]})`);
      }
      // The portal itself works on the page too: the login is there.
      await page.locator('jp-portal input[name="email"]').waitFor();
      expect(await axe(page)).toEqual([]);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.locator('jp-doctor').screenshot({ path: `${SHOTS}/good-${locale}-${width}.png` });
      await context.close();
    });
  }

  for (const [locale, width] of [
    ['sr-Latn', 320],
    ['sr-Cyrl', 390],
    ['sr-Cyrl', 320],
    ['sr-Latn', 390],
  ] as const) {
    it(`names each problem on a page of another origin with a CSP that leaves the API out (${locale}, ${width} px)`, async () => {
      const csp = `default-src 'self'; script-src ${portal.url}; connect-src 'self'; style-src 'self'`;
      // Latin: the page has no language; Cyrillic: the portal's own lang decides.
      sitePage(`/bad-${locale}.html`, { csp, portalLang: locale === 'sr-Cyrl' ? 'sr-Cyrl' : undefined });
      const origin = `http://127.0.0.1:${sitePort}`;
      const { context, page, items } = await run(`${origin}/bad-${locale}.html`, width);
      const it = byId(items);
      expect(items.map((i) => [i.id, i.state])).toEqual([
        ['api', 'ok'],
        ['release', 'ok'],
        ['origin', 'bad'],
        ['links', 'bad'],
        ['cookie', 'bad'],
        ['csp-connect-src', 'bad'],
        ['look', 'ok'],
        ['lang', locale === 'sr-Latn' ? 'bad' : 'ok'],
        ['passkeys', 'bad'],
      ]);
      // The exact lines to write, whatever the script.
      expect(it.origin.line).toBe(`ALLOWED_ORIGINS="http://localhost:${sitePort},${origin}"`);
      expect(it['csp-connect-src'].line).toBe(`connect-src 'self' ${portal.url}`);
      expect(it.cookie.line).toBe('api="https://portal.example.rs"');
      expect(it.links.line).toBe(`PORTAL_URL="${origin}/bad-${locale}.html"`);
      if (locale === 'sr-Latn') {
        expect(it.origin.text).toContain(`Adresa ove stranice (${origin}) nije na spisku ALLOWED_ORIGINS portala`);
        expect(it.cookie.text).toContain(
          `Portal (localhost:${portal.port}) i stranica (127.0.0.1:${sitePort}) nisu na istom domenu`,
        );
        expect(it['csp-connect-src'].text).toContain(
          `Pravilo connect-src na ovoj stranici ne dozvoljava vezu sa portalom (${portal.url}).`,
        );
        expect(it.api.text).toContain('odgovor pročitan kao skripta');
        expect(it.lang.text).toContain('Stranica nema atribut lang');
        expect(it.lang.line).toBe('<html lang="sr-Latn">');
        expect(it.passkeys.text).toContain('važe za localhost, a stranica je na 127.0.0.1');
        expect(await page.locator('jp-doctor [role=status]').textContent()).toBe(
          'Treba popraviti stavki: 6. Kod svake piše šta da uradite.',
        );
      } else {
        expect(it.origin.text).toContain('није на списку ALLOWED_ORIGINS портала');
        expect(it['csp-connect-src'].text).toContain('Правило connect-src');
      }
      expect(await axe(page)).toEqual([]);
      expect(await noSidewaysScroll(page)).toBe(true);
      await page.locator('jp-doctor').screenshot({ path: `${SHOTS}/bad-${locale}-${width}.png` });
      await context.close();
    });
  }

  it('checks again on "Proverite ponovo": a fix made on the page shows at once', async () => {
    sitePage('/portal.html?again', { csp: goodCsp(), htmlLang: 'hu' });
    const { context, page, items } = await run(`http://localhost:${sitePort}/portal.html?again`, 390);
    expect(byId(items).lang.state).toBe('bad');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'sr-Latn'));
    await page.getByRole('button', { name: 'Proverite ponovo' }).click();
    await page.locator('jp-doctor [data-check="lang"].jp-doc-ok').waitFor();
    expect(await page.locator('jp-doctor [role=status]').textContent()).toBe(
      'Sve je u redu: portal će raditi na ovoj stranici.',
    );
    await context.close();
  });

  it('says a page pinned to an older release should take the latest, with the lines to paste', async () => {
    sitePage('/portal.html?older', { csp: goodCsp(), htmlLang: 'sr-Latn', pinned: '0.0.1-0badc0de' });
    const { context, page, items } = await run(`http://localhost:${sitePort}/portal.html?older`, 390);
    const release = byId(items).release;
    expect(release.state).toBe('warn');
    expect(release.text).toContain(
      `Stranica učitava verziju 0.0.1-0badc0de, a najnovija na portalu je ${readManifest().entry.split('/')[0]}`,
    );
    expect(release.line).toBe(scriptTag(readManifest(), portal.url));
    expect(await page.locator('jp-doctor [role=status]').textContent()).toBe(
      'Portal će raditi na ovoj stranici. Proverite još stavki: 1.',
    );
    expect(await axe(page)).toEqual([]);
    await page.locator('jp-doctor').screenshot({ path: `${SHOTS}/older-release.png` });
    await context.close();
  });
});
