// Back stays in the portal (address.ts), in real Chromium against the real server at 390 px:
// the registration form and Back to the login; then, logged in, the bills, a bill, Back to the
// bills, Back to the account's overview, Forward to the bills; a reload at a bill shows it; a link
// to a bill opened logged out lands on it after the login. Never off the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { collectErrors, resident } from './page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const PASSWORD = 'sunce nad sremom 42';
const WHO = { name: 'Milica Jovanović', email: 'milica@example.com', code: '104521', pin: '4821' };
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).waitFor();
const hash = (page: Page) => page.evaluate(() => location.hash);
const focusedHeading = (page: Page) =>
  page.evaluate(() =>
    /^H[23]$/.test(document.activeElement?.tagName ?? '') ? document.activeElement!.textContent : null,
  );

describe('Back in the portal at 390 px', () => {
  it('register → Back to the login; log in → bills → a bill → Back → bills → Back → overview', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await heading(page, 'Prijava');
    const home = page.url();

    await page.getByRole('link', { name: 'Kreirajte nalog' }).click();
    await heading(page, 'Registracija naloga');
    expect(await hash(page)).toBe('#registracija');
    await page.goBack();
    await heading(page, 'Prijava');
    expect(page.url()).toBe(home);
    expect(await focusedHeading(page)).toBe('Prijava');

    await resident(server.url, { ...WHO, password: PASSWORD });
    await page.getByLabel('E-mail adresa', { exact: true }).fill(WHO.email);
    await page.getByLabel('Lozinka', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Ulogujte se', exact: true }).click();
    await page.locator('jp-account .jp-card').first().waitFor();

    await page.locator('jp-account .jp-tabs').getByRole('button', { name: 'Računi' }).click();
    await heading(page, 'Računi');
    expect(await hash(page)).toBe('#racuni');
    await page.locator('jp-bills [data-bill]').first().click();
    await heading(page, 'Račun za novembar 2026.');
    await page.locator('jp-bills svg.jp-qr').waitFor();
    const bill = await hash(page);
    expect(bill).toMatch(/^#racun=.+/);

    // Back: the bills; Back: the account's overview; both still this page.
    await page.goBack();
    await heading(page, 'Računi');
    expect(await hash(page)).toBe('#racuni');
    expect(await page.locator('jp-bills .jp-pay').count()).toBe(0);
    await page.goBack();
    await page.locator('jp-account [data-section=summary]:not([hidden]) .jp-card').first().waitFor();
    expect(await page.locator('[data-section=bills]').isHidden()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(new URL(home).pathname);
    await page.goForward();
    await heading(page, 'Računi');

    // A reload at a bill shows the bill; a link to it in a fresh browser waits behind the login.
    await page.goto(`${home.split('#')[0]}${bill}`);
    await page.reload();
    await heading(page, 'Račun za novembar 2026.');
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const other = await fresh.newPage();
    await other.goto(`${home.split('#')[0]}${bill}`);
    await heading(other, 'Prijava');
    await other.getByLabel('E-mail adresa', { exact: true }).fill(WHO.email);
    await other.getByLabel('Lozinka', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Ulogujte se', exact: true }).click();
    await heading(other, 'Račun za novembar 2026.');
    expect(await hash(other)).toBe(bill);
    await fresh.close();

    expect(errors).toEqual([]);
    await context.close();
  });
});
