// The tag a webmaster pastes, on a page of another origin, in real Chromium: the versioned
// /widget/<version>/jp-portal.js with the integrity and crossorigin of dist/widget/integrity.json
// loads (its chunks cross-origin too, under the host page's strict CSP) and shows the login; the
// same tag with another hash is refused by the browser; an import map giving every chunk its
// integrity from the same manifest also loads, and one wrong chunk hash stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { freePort, startServer, type PortalServer } from './server.ts';
import { collectErrors } from './page-checks.ts';
import { relative, resolve } from 'node:path';
import {
  widgetDist,
  entryTag,
  readManifest,
  scriptTag,
  staticClosure,
  type WidgetManifest,
} from '../../widget/scripts/dist-layout.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

let portal: PortalServer;
let site: Server;
let siteUrl: string;
let browser: Browser;
let manifest: WidgetManifest;
const pages = new Map<string, string>();

const OTHER_HASH = `sha384-${'A'.repeat(64)}`;
const page = (head: string) =>
  `<!doctype html><html lang="sr-Latn"><head><meta charset="utf-8"><title>Site</title>${head}</head>` +
  `<body><jp-portal api="${portal.url}"></jp-portal></body></html>`;

beforeAll(async () => {
  manifest = readManifest();
  const sitePort = await freePort();
  siteUrl = `http://127.0.0.1:${sitePort}`;
  portal = await startServer({ env: { ALLOWED_ORIGINS: siteUrl } });
  // The host page's own strict policy: scripts and connections only from the portal (the import
  // map, an inline script, by its hash would do as well; here the pages with one allow it inline).
  site = createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const html = pages.get(req.url ?? '');
    if (!html) return res.writeHead(404).end();
    const inline = html.includes('importmap') ? " 'unsafe-inline'" : '';
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${portal.url}${inline}; connect-src ${portal.url}; style-src 'self'; img-src 'self' data:`,
    });
    res.end(html);
  });
  await new Promise<void>((ok) => site.listen(sitePort, '127.0.0.1', ok));
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => site?.close(ok));
  await portal?.stop();
});

const importMap = (files: Record<string, string>) =>
  `<script type="importmap">${JSON.stringify({
    integrity: Object.fromEntries(Object.entries(files).map(([f, h]) => [`${portal.url}/widget/${f}`, h])),
  })}</script>`;

async function open(path: string, head: string) {
  pages.set(path, page(head));
  const p = await browser.newPage();
  const errors = collectErrors(p);
  const failed: string[] = [];
  p.on('console', (m) => failed.push(m.text()));
  await p.goto(`${siteUrl}${path}`);
  return { p, errors, failed };
}

const loginShown = (p: Awaited<ReturnType<typeof open>>['p']) =>
  p.locator('jp-portal input[name="email"]').waitFor({ timeout: 15_000 });

describe('the pasted tag on another origin', () => {
  it('loads the versioned entry with its integrity and shows the login', async () => {
    const { p, errors } = await open('/ok.html', scriptTag(manifest, portal.url));
    await loginShown(p);
    expect(await p.evaluate(() => !!customElements.get('jp-portal'))).toBe(true);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('is refused by the browser with another hash', async () => {
    const tag = scriptTag({ ...manifest, integrity: OTHER_HASH }, portal.url);
    const { p, failed } = await open('/other-hash.html', tag);
    await p.waitForLoadState('networkidle');
    expect(await p.evaluate(() => !!customElements.get('jp-portal'))).toBe(false);
    expect(failed.join('\n')).toMatch(/integrity/i);
    await p.close();
  });

  it('loads with an import map giving every chunk its integrity, and stops at one wrong chunk hash', async () => {
    const ok = await open('/map.html', importMap(manifest.files) + entryTag(manifest, portal.url));
    await loginShown(ok.p);
    expect(ok.errors).toEqual([]);
    await ok.p.close();

    // A chunk the entry imports statically: without it, nothing is defined.
    const entry = resolve(widgetDist(), manifest.entry);
    const chunk = [...staticClosure(entry)].filter((f) => f !== entry).map((f) => relative(widgetDist(), f))[0];
    expect(manifest.files[chunk]).toBeDefined();
    const wrong = { ...manifest.files, [chunk as string]: OTHER_HASH };
    const bad = await open('/map-wrong.html', importMap(wrong) + entryTag(manifest, portal.url));
    await bad.p.waitForLoadState('networkidle');
    expect(await bad.p.evaluate(() => !!customElements.get('jp-portal'))).toBe(false);
    expect(bad.failed.join('\n')).toMatch(/integrity/i);
    await bad.p.close();
  });
});
