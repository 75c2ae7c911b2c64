// The installation check as a webmaster runs it, in real Chromium, on a page of a second local
// origin that holds the pasted tag, <jp-portal> and <jp-doctor>: once set up right (the page's
// origin in ALLOWED_ORIGINS, the same site as the API, a CSP that lets the portal in) — every item
// green; once wrong (another origin, not allowed, a CSP whose connect-src leaves the API out, no
// page language, an IP address) — each problem named with the line to write. Both at 320 and
// 390 px, in Latin and Cyrillic; screenshots in test-results/e2e/doctor/.
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
  // Only the page on localhost:<sitePort> is allowed; the same page on 127.0.0.1 is not.
  portal = await startServer({ env: { ALLOWED_ORIGINS: `http://localhost:${sitePort}` } });
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

function sitePage(path: string, o: { csp: string; htmlLang?: string; portalLang?: string }) {
  const tag = scriptTag(readManifest(), portal.url);
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
      state: el.className.match(/jp-doc-(ok|bad|unknown)/)?.[1] ?? '',
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
      sitePage(`/good-${locale}.html`, { csp: goodCsp(), htmlLang: locale });
      const { context, page, errors, items } = await run(`http://localhost:${sitePort}/good-${locale}.html`, width);
      expect(items.map((i) => [i.id, i.state])).toEqual([
        ['api', 'ok'],
        ['origin', 'ok'],
        ['cookie', 'ok'],
        ['csp', 'ok'],
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
        ['origin', 'bad'],
        ['cookie', 'bad'],
        ['csp-connect-src', 'bad'],
        ['lang', locale === 'sr-Latn' ? 'bad' : 'ok'],
        ['passkeys', 'bad'],
      ]);
      // The exact lines to write, whatever the script.
      expect(it.origin.line).toBe(`ALLOWED_ORIGINS="http://localhost:${sitePort},${origin}"`);
      expect(it['csp-connect-src'].line).toBe(`connect-src 'self' ${portal.url}`);
      expect(it.cookie.line).toBe('api="https://portal.example.rs"');
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
          'Treba popraviti stavki: 5. Kod svake piše šta da uradite.',
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
    sitePage('/again.html', { csp: goodCsp(), htmlLang: 'hu' });
    const { context, page, items } = await run(`http://localhost:${sitePort}/again.html`, 390);
    expect(byId(items).lang.state).toBe('bad');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'sr-Latn'));
    await page.getByRole('button', { name: 'Proverite ponovo' }).click();
    await page.locator('jp-doctor [data-check="lang"].jp-doc-ok').waitFor();
    expect(await page.locator('jp-doctor [role=status]').textContent()).toBe(
      'Sve je u redu: portal će raditi na ovoj stranici.',
    );
    await context.close();
  });
});
