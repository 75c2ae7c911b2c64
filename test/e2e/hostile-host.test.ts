// The widget in a host page whose stylesheet attacks it (host-css.ts: id selectors on every kind
// of element, `button { all: unset }`, `* { box-sizing: content-box }`, important rules, a serif
// body, inherited text properties on the container), in real Chromium under the host's strict CSP:
// every view (login, a refused login, registration, forgotten password, code, the account's
// summary, bills, a bill, settings), both scripts, 390 and 1280 px, looks exactly as in a plain
// page — every element's computed style and box, and its ::before/::after, compared one by one —
// with the tags the embed guide gives to paste (the release's entry and preloads with their integrity),
// and the password manager still finds the login's real fields in the page's own DOM.
// Screenshots of the hostile page in test-results/e2e/hostile-host/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, startServer, type PortalServer } from './server.ts';
import { collectErrors, resident } from './page-checks.ts';
import { HOSTILE_CSS, styleSignature, type Signature } from './host-css.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { readManifest, scriptTag } from '../../widget/scripts/dist-layout.ts';

const SHOTS = resolve(import.meta.dirname, '../../test-results/e2e/hostile-host');
const PASSWORD = 'sunce nad sremom 42';
let portal: PortalServer;
let site: Server;
let siteUrl: string;
let browser: Browser;

// A theme's important rule in a cascade layer declared before the widget's: the one thing that outranks it.
const LAYERED_CSS = '@layer theme { #content a { color: rgb(255, 0, 0) !important; } }';

const hostPage = (lang: string, hostile: boolean, extra = '') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Site</title>` +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  (hostile ? '<link rel="stylesheet" href="/hostile.css">' : '') +
  (extra.includes('layered') ? '<link rel="stylesheet" href="/layered.css">' : '') +
  `</head><body><div id="content"><h1>Opština</h1><p>Tekst stranice.</p>` +
  `<jp-portal api="${portal.url}"></jp-portal>${extra.includes('doctor') ? '<jp-doctor></jp-doctor>' : ''}</div>` +
  // The tags the guide gives a webmaster to paste: the release's entry and preloads, each with its integrity.
  `${scriptTag(readManifest(), portal.url)}</body></html>`;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  // Another origin of the same site (localhost on another port), as a utility's www and portal are.
  const sitePort = await freePort();
  siteUrl = `http://localhost:${sitePort}`;
  const port = await freePort();
  portal = await startServer({ port, env: { ALLOWED_ORIGINS: `${siteUrl},http://localhost:${port}` } });
  site = createServer((req, res) => {
    const [path, query] = (req.url ?? '').split('?');
    const lang = new URLSearchParams(query).get('lang') ?? 'sr-Latn';
    const doctor = path.match(/^\/doctor(-layered)?\.html$/);
    const body = doctor
      ? hostPage(lang, true, `doctor${doctor[1] ?? ''}`)
      : path === '/layered.css'
        ? LAYERED_CSS
        : path === '/hostile.css'
          ? HOSTILE_CSS
          : path === '/clean.html' || path === '/hostile.html'
            ? hostPage(lang, path === '/hostile.html')
            : undefined;
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': path.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${portal.url}; connect-src ${portal.url}; style-src 'self'; img-src 'self' data:`,
    });
    res.end(body);
  });
  await new Promise<void>((ok) => site.listen(sitePort, '127.0.0.1', ok));
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => site?.close(ok));
  await portal?.stop();
});

/** Where each view is, and an element that shows it is there. */
const VIEWS: [name: string, fragment: string, ready: string][] = [
  ['login', '#prijava', 'jp-login input[type=password]'],
  ['register', '#registracija', 'jp-register input[autocomplete=new-password]'],
  ['forgot', '#zaboravljena-lozinka', 'jp-forgot-password input[type=email]'],
  ['code', '#kod-za-prijavu', 'jp-login-code input[type=email]'],
];
const ACCOUNT_VIEWS: [name: string, fragment: string, ready: string][] = [
  ['summary', '#pregled', '.jp-debt'],
  ['bills', '#racuni', 'jp-bills .jp-list li'],
  ['bill', '#racun=', '.jp-pay svg'],
  ['settings', '#podesavanja', 'jp-settings .jp-block'],
];

async function show(p: Page, url: string, ready: string): Promise<Signature> {
  // A fresh load each time (a change of fragment alone would be a navigation inside the page).
  await p.goto('about:blank');
  await p.goto(url);
  await p.locator(ready).first().waitFor({ timeout: 20_000 });
  await p.waitForLoadState('networkidle');
  return p.evaluate(styleSignature);
}

/** The differences between the plain page's and the hostile page's signatures, as readable lines. */
function differences(plain: Signature, hostile: Signature): string[] {
  const out: string[] = [];
  if (plain.length !== hostile.length) out.push(`elements: ${plain.length} plain, ${hostile.length} hostile`);
  for (let i = 0; i < Math.min(plain.length, hostile.length); i++) {
    const [a, b] = [plain[i], hostile[i]];
    for (const k of Object.keys(a.style))
      if (a.style[k] !== b.style[k]) out.push(`${a.path} ${k}: ${a.style[k]} → ${b.style[k]}`);
  }
  return out.slice(0, 30);
}

describe('the installation check in the hostile page', () => {
  it("says the host's rules leave the look alone, and names the one rule that does not", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const lookItem = async (path: string) => {
      await page.goto(`${siteUrl}${path}`);
      const item = page.locator('jp-doctor [data-check="look"]');
      await item.waitFor({ timeout: 20_000 });
      return { state: await item.getAttribute('class'), text: await item.textContent() };
    };
    expect((await lookItem('/doctor.html')).state).toContain('jp-doc-ok');
    const leaked = await lookItem('/doctor-layered.html');
    expect(leaked.state).toContain('jp-doc-bad');
    expect(leaked.text).toContain(`#content a { color: rgb(255, 0, 0) !important } (${siteUrl}/layered.css)`);
    await page.screenshot({ path: `${SHOTS}/doctor-layered.png`, fullPage: true });
    await page.close();
  });
});

describe.each([
  ['sr-Latn', 390, { name: 'Milica Jovanović', email: 'milica@example.com', code: '104521', pin: '4821' }],
  ['sr-Cyrl', 1280, { name: 'Snežana Ćirić', email: 'snezana@example.com', code: '104527', pin: '6640' }],
  ['sr-Cyrl', 390, undefined],
  ['sr-Latn', 1280, undefined],
] as const)('a hostile host page, %s at %d px', (lang, width, who) => {
  let context: BrowserContext;
  let plain: Page;
  let hostile: Page;
  let errors: string[];
  const url = (kind: 'clean' | 'hostile', fragment: string) => `${siteUrl}/${kind}.html?lang=${lang}${fragment}`;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height: 900 } });
    plain = await context.newPage();
    hostile = await context.newPage();
    errors = collectErrors(hostile);
  });
  afterAll(async () => {
    await context?.close();
  });

  async function compare(name: string, fragment: string, ready: string) {
    const a = await show(plain, url('clean', fragment), ready);
    const b = await show(hostile, url('hostile', fragment), ready);
    await hostile.screenshot({ path: `${SHOTS}/${name}-${lang}-${width}.png`, fullPage: true });
    expect(a.length).toBeGreaterThan(10);
    // What the page hides stays hidden under the widget's reset (the attribute is a presentational hint).
    expect(
      await hostile.evaluate(
        () => [...document.querySelectorAll('jp-portal [hidden]')].filter((e) => e.getClientRects().length).length,
      ),
    ).toBe(0);
    expect(differences(a, b), `${name}: the host's CSS reached the widget`).toEqual([]);
  }

  it('every view before login looks as in a plain page', async () => {
    for (const [name, fragment, ready] of VIEWS) await compare(name, fragment, ready);
  });

  it("the password manager finds the login's own fields in the page's DOM", async () => {
    await hostile.goto(url('hostile', '#prijava'));
    const form = hostile.locator('jp-login form');
    await form.locator('input[type=password]').waitFor();
    await expect(form.locator('input[autocomplete~=username]').isVisible()).resolves.toBe(true);
    await expect(form.locator('input[type=password][autocomplete=current-password]').isVisible()).resolves.toBe(true);
    // Light DOM: the document's own querySelector (what autofill reads) reaches them.
    expect(await hostile.evaluate(() => document.querySelectorAll('form input[type=password]').length)).toBe(1);
  });

  it.runIf(who)('a refused login and every view of the account look as in a plain page', async () => {
    if (!who) return;
    await resident(portal.url, { ...who, password: PASSWORD });
    for (const p of [plain, hostile]) {
      await p.goto(url(p === plain ? 'clean' : 'hostile', '#prijava'));
      await p.locator('jp-login input[type=email]').fill(who.email);
      await p.locator('jp-login input[type=password]').fill('not the password');
      await p.locator('jp-login button[type=submit]').click();
      await p.locator('jp-login .jp-status.jp-bad').waitFor();
    }
    const refused = await Promise.all([plain, hostile].map((p) => p.evaluate(styleSignature)));
    expect(differences(refused[0], refused[1]), 'refused login').toEqual([]);
    await hostile.locator('jp-login input[type=password]').fill(PASSWORD);
    await hostile.locator('jp-login button[type=submit]').click();
    await hostile.locator('.jp-debt').waitFor();
    const bills = await hostile.evaluate(async (api) => {
      const r = await fetch(`${api}/api/bills`, { credentials: 'include' });
      return ((await r.json()) as { bills: { id: string }[] }).bills;
    }, portal.url);
    for (const [name, fragment, ready] of ACCOUNT_VIEWS)
      await compare(name, fragment === '#racun=' ? `${fragment}${bills[0].id}` : fragment, ready);
    expect(errors).toEqual([]);
  });
});
