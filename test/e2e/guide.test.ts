// The embed guide (/ugradnja.html and /ugradnja.en.html) as a webmaster uses it, in real Chromium
// against the real server: every element, attribute, event and CSS custom property of
// custom-elements.json is on the page (none missing, none invented); the utility's name and
// contact come from its configuration; each copy button puts exactly its block on the clipboard,
// and the tag is the build's (integrity.json) for this portal; the theme editor recolours the live
// preview and writes the CSS to copy (the font as the site's own stack, typed); the tag, the CSP
// lines and the installation check, pasted into a page of another origin served under those lines,
// show the login and run the check; axe clean on the whole page, no sideways scrolling at 390 px,
// screenshots in test-results/e2e/guide/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, startServer, type PortalServer } from './server.ts';
import { axe, collectErrors } from './page-checks.ts';
import { readManifest, scriptTag } from '../../widget/scripts/dist-layout.ts';
import { manifestElements, allTokens, renderGuide } from '../../widget/scripts/guide-page.ts';
import { chosenUtility } from '../../widget/scripts/utility-plugin.ts';
import { ELEMENT_WORDS, TOKEN_WORDS } from '../../widget/scripts/guide-text.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e/guide');
const elements = manifestElements(JSON.parse(readFileSync(resolve(ROOT, 'custom-elements.json'), 'utf8')));
const { utility } = chosenUtility();

let server: PortalServer;
let site: Server;
let siteUrl: string;
let sitePage = '';
let siteCsp = '';
let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const sitePort = await freePort();
  siteUrl = `http://127.0.0.1:${sitePort}`;
  // The portal allows the webmaster's site beside its own origin.
  const port = await freePort();
  server = await startServer({ port, env: { ALLOWED_ORIGINS: `http://localhost:${port},${siteUrl}` } });
  // "The webmaster's site": one page holding what was copied from the guide, under its CSP lines.
  site = createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    if (req.url !== '/') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': siteCsp });
    res.end(sitePage);
  });
  await new Promise<void>((ok) => site.listen(sitePort, '127.0.0.1', ok));
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => site?.close(ok));
  await server?.stop();
});

async function open(path: string, width = 390): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}${path}`);
  await page.locator('#preview jp-portal form').first().waitFor();
  return { page, context, errors };
}

/** What a section of the page lists, by kind: its `code.name` texts. */
const listed = (page: Page, tag: string, kind: string) =>
  page.locator(`section[data-tag="${tag}"] [data-kind="${kind}"] code.name`).allTextContents();

describe.each([
  ['/ugradnja.html', 'sr-Latn', 'Ugradnja portala za korisnike'],
  ['/ugradnja.en.html', 'en', 'Embedding the resident portal'],
] as const)('%s', (path, lang, heading) => {
  it('lists every element of custom-elements.json with all it has, for this utility, axe clean at 390 px', async () => {
    const { page, context, errors } = await open(path);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    expect(elements.length).toBeGreaterThan(10);
    expect(
      await page.locator('section[data-tag]').evaluateAll((s) => s.map((e) => e.getAttribute('data-tag'))),
    ).toEqual(elements.map((e) => e.tagName));
    for (const e of elements) {
      expect(await listed(page, e.tagName, 'attribute'), e.tagName).toEqual(e.attributes.map((a) => a.name));
      expect(await listed(page, e.tagName, 'event'), e.tagName).toEqual(e.events.map((a) => a.name));
      expect(await listed(page, e.tagName, 'css-property'), e.tagName).toEqual(e.cssProperties.map((a) => a.name));
    }
    const tokens = allTokens(elements).map((t) => t.name);
    expect(await page.locator('tr[data-kind="token"] code.name').allTextContents()).toEqual(tokens);
    expect(
      await page.locator('#theme [data-token]').evaluateAll((c) => c.map((e) => e.getAttribute('data-token'))),
    ).toEqual(tokens);
    // Every element and property in the page's own words (not only the manifest's English).
    if (lang === 'sr-Latn') {
      expect(elements.filter((e) => !ELEMENT_WORDS[e.tagName]).map((e) => e.tagName)).toEqual([]);
      expect(tokens.filter((t) => !TOKEN_WORDS[t])).toEqual([]);
    }
    // White-label: the chosen configuration's name, contact and bill formats.
    const text = (await page.locator('body').textContent()) ?? '';
    for (const s of [
      utility.name,
      utility.contact.phone,
      utility.contact.email,
      utility.consumerCode.example,
      utility.pin.example,
    ])
      expect(text).toContain(s);
    expect(await axe(page, 'html')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/${lang}-390.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the guide as a webmaster uses it', () => {
  it('copy buttons give exactly their snippet; the tag is the build’s for this portal', async () => {
    const { page, context, errors } = await open('/ugradnja.html');
    const buttons = page.locator('button.copy');
    expect(await buttons.count()).toBe(5);
    for (const button of await buttons.all()) {
      const target = page.locator(`#${await button.getAttribute('data-copy')}`);
      await button.click();
      await expect.poll(() => button.locator('xpath=..').locator('.copy-status').textContent()).toBe('Kopirano.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await target.textContent());
      expect(copied.trim().length).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: 'Kopirajte oznaku' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${scriptTag(readManifest(), server.url)}\n<jp-portal api="${server.url}" switch></jp-portal>`,
    );
    await page.getByRole('button', { name: 'Kopirajte proveru' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '<jp-doctor>Ako vidite ovaj tekst, skripta portala nije učitana: pogledajte konzolu pregledača.</jp-doctor>',
    );
    await page.getByRole('button', { name: 'Kopirajte pravila' }).click();
    expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')).toEqual([
      `script-src 'self' ${server.url};`,
      `connect-src 'self' ${server.url};`,
      "style-src 'self';",
      "img-src 'self';",
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the theme editor recolours the preview and writes the CSS to copy; reset puts it back', async () => {
    const { page, context, errors } = await open('/ugradnja.html', 1280);
    const submit = page.locator('#preview').getByRole('button', { name: 'Ulogujte se' });
    const style = (p: string) => submit.evaluate((b, p) => getComputedStyle(b).getPropertyValue(p), p);
    const before = await style('background-color');
    const css = page.locator('#snippet-css');
    expect(await css.textContent()).toMatch(/^\/\* .* \*\/$/);
    await page.locator('#tok-jp-primary').fill('#aa0000');
    await page.locator('#tok-jp-radius').fill('14');
    expect(await style('background-color')).toBe('rgb(170, 0, 0)');
    expect(await style('border-top-left-radius')).toBe('14px');
    const tags = elements.map((e) => e.tagName).join(', ');
    expect(await css.textContent()).toBe(`${tags} {\n  --jp-primary: #aa0000;\n  --jp-radius: 14px;\n}`);
    // The site's own font stack, typed (inherit would leave the variable undefined where it is used).
    expect(await page.locator('#tok-jp-font-list option[value="inherit"]').count()).toBe(0);
    await page.locator('#tok-jp-font').fill("'Open Sans', Arial, sans-serif");
    expect(await css.textContent()).toContain("  --jp-font: 'Open Sans', Arial, sans-serif;");
    expect(await style('font-family')).toBe('"Open Sans", Arial, sans-serif');
    // Nothing typed can end the declaration or open a block.
    await page.locator('#tok-jp-font').fill('Georgia; } body { color: red');
    expect(await css.textContent()).toContain('  --jp-font: Georgia  body  color: red;');
    await page.locator('#tok-jp-font').fill('Georgia, serif');
    expect(await style('font-family')).toBe('Georgia, serif');
    await page.getByRole('button', { name: 'Kopirajte CSS' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await css.textContent());
    await page.locator('#izgled').screenshot({ path: `${SHOTS}/sr-Latn-1280-themed.png` });
    await page.getByRole('button', { name: 'Vratite podrazumevani izgled' }).click();
    await expect.poll(() => style('background-color')).toBe(before);
    expect(await css.textContent()).toMatch(/^\/\* .* \*\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the copied tag and CSP lines, on a page of another origin, show the login', async () => {
    const { page: guide, context: g } = await open('/ugradnja.html');
    const copy = async (name: string) => {
      await guide.getByRole('button', { name }).click();
      return guide.evaluate(() => navigator.clipboard.readText());
    };
    const tag = await copy('Kopirajte oznaku');
    const doctor = await copy('Kopirajte proveru');
    siteCsp = `default-src 'self'; ${(await copy('Kopirajte pravila')).replaceAll('\n', ' ')}`;
    sitePage = `<!doctype html><html lang="sr-Latn"><head><meta charset="utf-8"><title>Sajt</title></head><body>${tag}${doctor}</body></html>`;
    await g.close();
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(siteUrl);
    await page.getByRole('heading', { name: 'Prijava', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ulogujte se' }).waitFor();
    // The installation check pasted from the guide runs too, and the API answers it.
    await page.locator('jp-doctor [data-check="api"].jp-doc-ok').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('another utility’s configuration gives its guide, with nothing of the default utility', () => {
    const other = chosenUtility({ UTILITY_CONFIG: resolve(ROOT, 'demo/vodovod/utility.json') }).utility;
    const base = chosenUtility({ UTILITY_CONFIG: resolve(ROOT, 'config/utility.json') }).utility;
    expect(other.name).not.toBe(base.name);
    for (const lang of ['sr-Latn', 'en'] as const) {
      const html = renderGuide(lang, other, readManifest(), elements);
      const domain = new URL(other.website).hostname.replace(/^www\./, '');
      for (const s of [
        other.name,
        other.contact.phone,
        other.contact.email,
        other.consumerCode.example,
        other.colors.primary,
      ])
        expect(html, lang).toContain(s);
      expect(html).toContain(`https://portal.${domain}/widget/`);
      expect(html).toContain(`RP_ID=${domain}`);
      const baseDomain = new URL(base.website).hostname.replace(/^www\./, '');
      for (const s of [base.name, base.city, baseDomain, base.contact.phone, base.colors.primary, base.colors.accent])
        expect(html.toLowerCase(), `${lang}: ${s}`).not.toContain(s.toLowerCase());
    }
  });
});
