// The account area as a resident walks it, keyboard only, in real Chromium against the real
// server: sr-Latn at 390 px and sr-Cyrl at 320 px. Log in; the summary first; "Platite" opens the
// bill; download the QR code (a PNG a banking app reads), the first stop after the heading; copy
// the reference ("Kopirano" announced); the settings; log out and be told so — in at most 25 Tab stops from the login form,
// with no sideways scrolling, axe clean, and a screenshot of every view in test-results/. Then a
// wrong password at deletion deletes nothing, the right one deletes and the portal says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, decodeQr, collectErrors, resident } from './page-checks.ts';
import { ipsQrProblems } from '../../worker/src/bills/ips-qr.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e/account-area');
const PASSWORD = 'sunce nad sremom 42';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = {
  'sr-Latn': {
    heading: 'Prijava',
    email: 'E-mail adresa',
    password: 'Lozinka',
    logout: 'Odjavite se',
    tabs: ['Pregled', 'Računi', 'Podešavanja'],
    pay: 'Platite',
    bill: 'Račun za novembar 2026.',
    copyRef: 'Kopirajte Poziv na broj',
    copied: 'Kopirano: Poziv na broj',
    qr: 'Preuzmite QR kod',
    settings: 'Podešavanja',
    devices: 'Uređaji na kojima ste prijavljeni',
    thisDevice: 'Ovaj uređaj',
    loggedOut: 'Odjavljeni ste',
    want: 'Želim da obrišem nalog',
    confirmPassword: 'Upišite lozinku da potvrdite brisanje',
    deleteNow: 'Obrišite nalog trajno',
    wrong: 'Lozinka nije tačna',
    deleted: 'Vaš nalog je obrisan',
    debt: 'Trenutno dugovanje',
  },
  'sr-Cyrl': {
    heading: 'Пријава',
    email: 'Имејл адреса',
    password: 'Лозинка',
    logout: 'Одјавите се',
    tabs: ['Преглед', 'Рачуни', 'Подешавања'],
    pay: 'Платите',
    bill: 'Рачун за новембар 2026.',
    copyRef: 'Копирајте Позив на број',
    copied: 'Копирано: Позив на број',
    qr: 'Преузмите QR код',
    settings: 'Подешавања',
    devices: 'Уређаји на којима сте пријављени',
    thisDevice: 'Овај уређај',
    loggedOut: 'Одјављени сте',
    want: 'Желим да обришем налог',
    confirmPassword: 'Упишите лозинку да потврдите брисање',
    deleteNow: 'Обришите налог трајно',
    wrong: 'Лозинка није тачна',
    deleted: 'Ваш налог је обрисан',
    debt: 'Тренутно дуговање',
  },
} as const;

describe.each([
  ['sr-Latn', 390, { name: 'Milica Jovanović', email: 'milica@example.com', code: '104521', pin: '4821' }],
  ['sr-Cyrl', 320, { name: 'Snežana Ćirić', email: 'snezana@example.com', code: '104527', pin: '6640' }],
] as const)('the account area in %s at %i px', (locale, width, who) => {
  it('summary → bill → copy → QR download → settings → logout, keyboard only, then deletion', async () => {
    const t = T[locale];
    await resident(server.url, { ...who, password: PASSWORD });
    const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors = collectErrors(page);
    let step = 0;
    const look = async (name: string) => {
      expect(await axe(page), name).toEqual([]);
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `${SHOTS}/${locale}-${String(++step).padStart(2, '0')}-${name}.png`,
        fullPage: true,
      });
    };
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return (a?.getAttribute('aria-label') ?? a?.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
    let tabs = 0;
    const tab = async (n = 1, back = false) => {
      for (let i = 0; i < n; i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      tabs += n;
    };

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    if (locale === 'sr-Cyrl') await page.getByRole('button', { name: 'Ћирилица' }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();

    // From the login form: the address, Tab, the password, Enter.
    await page.getByLabel(t.email, { exact: true }).focus();
    await page.keyboard.type(who.email);
    await tab();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    const nameHeading = page.locator('jp-account .jp-acc-head h2');
    await nameHeading.waitFor();
    await page.locator('jp-account .jp-card').first().waitFor();
    // Focus on the resident's name; "Odjavite se" is the next stop, beside it.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('h2');
    expect(await page.locator('jp-account .jp-acc-head button').textContent()).toBe(t.logout);
    // On a phone of 360 px or more the debt is on the first screen of the demo page (its own header
    // above the portal included); anything offered after a login comes below the summary's card.
    const fold = await page
      .locator('jp-account .jp-debt')
      .first()
      .evaluate((debt) => ({
        bottom: debt.getBoundingClientRect().bottom + window.scrollY,
        screen: window.innerHeight,
        offerFirst: !!debt.closest('[data-section=summary]')?.querySelector('.jp-offer ~ .jp-card'),
      }));
    if (width >= 360) expect(fold.bottom).toBeLessThanOrEqual(fold.screen);
    expect(fold.offerFirst).toBe(false);
    const summary = (await page.locator('jp-account .jp-card').first().textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain(who.code);
    expect(summary).toContain(t.debt);
    expect(await page.locator('jp-account .jp-tabs button').allTextContents()).toEqual([...t.tabs]);
    await look('summary');

    // Summary → "Platite" (after the name: Odjavite se, the three sections, then the card's button).
    await tab(5);
    expect(await focused()).toBe(t.pay);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t.bill }).waitFor();
    await page.locator('jp-bills svg.jp-qr').waitFor();
    expect(await focused()).toBe(t.bill);
    // The slip and the QR code in the page's script, and fitting the frame.
    await look('bill');

    // Download the QR code, the first stop after the heading: a PNG that decodes to a valid NBS IPS payment.
    await tab();
    expect(await focused()).toBe(t.qr);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`ips-qr-${who.code}-2026-11.png`);
    const scanned = decodeQr(new Uint8Array(readFileSync((await download.path())!)));
    expect(scanned).toMatch(/^K:PR\|V:01\|C:1\|R:\d{18}\|/);
    expect(ipsQrProblems(scanned!)).toEqual([]);

    // Copy the reference number: the fifth copy button (after primalac, račun, iznos, model).
    await tab(5);
    expect(await focused()).toBe(t.copyRef);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('jp-bills .jp-copied').textContent()).toBe(t.copied);
    const reference = (await page.locator('jp-bills .jp-slip-row').nth(4).locator('.jp-slip-value').textContent())!;
    expect(reference).toMatch(new RegExp(`^\\d{2}${who.code}202611$`));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);
    expect(scanned).toContain(`|RO:97${reference}`);

    // Back up to the sections menu (four copy buttons, the QR code's, "Nazad na račune", then "Podešavanja").
    await tab(7, true);
    expect(await focused()).toBe(t.settings);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t.devices }).waitFor();
    await expect.poll(() => page.locator('[data-block=devices] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-block=devices] li').first().textContent()).toContain(t.thisDevice);
    expect(await page.locator('[data-block=devices] li').first().textContent()).toMatch(/Chrome/);
    await look('settings');

    // And out: "Odjavite se" is four stops back, beside the name.
    await tab(4, true);
    expect(await focused()).toBe(t.logout);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await expect.poll(() => page.locator('jp-portal > .jp-status').textContent()).toContain(t.loggedOut);
    expect(tabs).toBeLessThanOrEqual(25);
    await look('logged-out');

    // Deleting: a wrong password deletes nothing (said once, at the field); the right one deletes.
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('jp-account .jp-card').first().waitFor();
    // The bill list with its 12-month chart (looked at here, outside the counted keyboard walk).
    await page.getByRole('button', { name: t.tabs[1], exact: true }).click();
    await page.locator('jp-bills .jp-chart svg').waitFor();
    await look('bills');
    await page.getByRole('button', { name: t.settings, exact: true }).click();
    await page.getByRole('button', { name: t.want }).click();
    const confirmField = page.getByLabel(t.confirmPassword, { exact: true });
    await confirmField.fill('nije moja lozinka');
    await page.getByRole('button', { name: t.deleteNow }).click();
    await expect.poll(() => confirmField.getAttribute('aria-invalid')).toBe('true');
    expect((await page.locator('jp-settings').textContent())!.split(t.wrong).length - 1).toBe(1);
    expect((await (await context.request.get(`${server.url}/api/me`)).json()).account.email).toBe(who.email);
    await look('delete-wrong-password');
    await confirmField.fill(PASSWORD);
    await page.getByRole('button', { name: t.deleteNow }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await expect.poll(() => page.locator('jp-portal > .jp-status').textContent()).toContain(t.deleted);
    await look('deleted');
    const login = await context.request.post(`${server.url}/api/login`, {
      data: { email: who.email, password: PASSWORD },
    });
    expect(login.status()).toBe(401);

    expect(errors).toEqual([]);
    await context.close();
  });
});
