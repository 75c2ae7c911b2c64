// The embed guide as a production portal serves it (APP_ENV=production), in real Chromium: the
// read-only page — the tag to copy names the production API address (not the server it was opened
// on), the preview shows the look but takes no input (inert), the theme editor still writes the
// CSS, no link leads to the demo pages or their dev mailbox, and the demo itself is not there; axe
// clean, no error. Screenshot in test-results/e2e/guide/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type PortalServer } from './server.ts';
import { axe, collectErrors } from './page-checks.ts';
import { readManifest, scriptTag } from '../../widget/scripts/dist-layout.ts';
import { chosenUtility } from '../../widget/scripts/utility-plugin.ts';
import { workersLinks } from '../../worker/scripts/wrangler-config.ts';
import { PRODUCTION_ENV } from '../support/production-env.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results/e2e/guide');
const api = workersLinks(chosenUtility().utility.website).API_URL;

let server: PortalServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ env: PRODUCTION_ENV });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the embed guide in production', () => {
  it('is read-only: the production API address, a preview that takes no input, no demo link', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/ugradnja.html`);
    await page.locator('#preview jp-portal form').first().waitFor();

    await page.getByRole('button', { name: 'Kopirajte oznaku' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${scriptTag(readManifest(), api)}\n<jp-portal api="${api}" switch></jp-portal>`,
    );
    expect(await page.locator('body').textContent()).not.toContain(server.url);

    // The preview shows the look only: nothing in it takes focus or a click.
    expect(await page.locator('#preview').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
    await page.locator('#preview input[name="email"]').click({ force: true });
    expect(await page.evaluate(() => document.activeElement?.closest('#preview') ?? null)).toBe(null);
    await page.locator('#tok-jp-primary').fill('#aa0000');
    const submit = page.locator('#preview button[type="submit"]').first();
    expect(await submit.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(170, 0, 0)');
    expect(await page.locator('#snippet-css').textContent()).toContain('--jp-primary: #aa0000;');

    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const demo of ['/', '/index.html', '/elements.html']) expect(links).not.toContain(demo);
    for (const demo of ['/', '/demo-mailbox.js', '/elements.html'])
      expect((await page.request.get(`${server.url}${demo}`)).status(), demo).toBe(404);

    expect(await axe(page, 'html')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/production-1280.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
