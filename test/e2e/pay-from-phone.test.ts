// Paying from a phone, and no dead end at confirmation, in real Chromium against the real server.
// At 390 px in both scripts the IPS QR code starts within 844 px (a phone's screen) below the
// bill's heading — also under an older unpaid bill's line —, "Platite" opens the bill with the whole
// QR code in view, and copying shows "✓ Kopirano" beside the button (screenshot); at 320 px (and
// at 200 % text, on a plain host page) nothing scrolls sideways; axe clean; screenshots in test-results/e2e/pay-from-phone/.
// Then a login to an address never confirmed offers "Pošaljite ponovo link za potvrdu": a new link
// arrives in the dev mailbox and confirms the account; the address typed is already in the
// forgotten-password form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, collectErrors, mailLink, resident } from './page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e/pay-from-phone');
const PASSWORD = 'sunce nad sremom 42';
/** A phone's screen below the bill's heading (390 × 844). */
const SCREEN = 844;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  // The wait between two mails to the same requester, short: the offer's link is asked for soon after registering.
  server = await startServer({ env: { MAIL_REQUESTER_GAP_S: '1' } });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = {
  'sr-Latn': {
    email: 'E-mail adresa',
    password: 'Lozinka',
    bills: 'Računi',
    november: 'Račun za novembar 2026.',
    copyRef: 'Kopirajte Poziv na broj',
    copied: '✓ Kopirano',
    back: 'Nazad na račune',
  },
  'sr-Cyrl': {
    email: 'Имејл адреса',
    password: 'Лозинка',
    bills: 'Рачуни',
    november: 'Рачун за новембар 2026.',
    copyRef: 'Копирајте Позив на број',
    copied: '✓ Копирано',
    back: 'Назад на рачуне',
  },
} as const;

/** How far below the bill's heading the QR code starts, in CSS pixels. */
const qrBelowHeading = (page: Page) =>
  page.evaluate(() => {
    const heading = document.querySelector('jp-bills h3')!.getBoundingClientRect();
    const qr = document.querySelector('jp-bills svg.jp-qr')!.getBoundingClientRect();
    return Math.round(qr.top - heading.top);
  });

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each([
  ['sr-Latn', { name: 'Nikola Đorđević', email: 'nikola@example.com', code: '104524', pin: '5502' }],
  ['sr-Cyrl', { name: 'Ljiljana Šarić', email: 'ljiljana@example.com', code: '104525', pin: '9034' }],
] as const)('paying from a phone in %s', (locale, who) => {
  it('the QR code within the first screen below the heading, "✓ Kopirano" seen, nothing sideways at 320 px or 200 % text', async () => {
    const t = T[locale];
    await resident(server.url, { ...who, password: PASSWORD });
    const context = await browser.newContext({ viewport: { width: 390, height: SCREEN } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const look = async (name: string) => {
      expect(await axe(page), name).toEqual([]);
      expect(await sideways(page), name).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${locale}-${name}.png`, fullPage: true });
    };

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    if (locale === 'sr-Cyrl') await page.getByRole('button', { name: 'Ћирилица' }).click();
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('jp-account .jp-card').first().waitFor();

    // "Platite" (the summary's button to pay, not a link to a bill): the bill, its QR code wholly in view.
    await page.locator('jp-account .jp-card button:not(.jp-link)').first().click();
    await page.locator('jp-bills svg.jp-qr').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('h3');
    const inView = await page.evaluate(() => {
      const qr = document.querySelector('jp-bills svg.jp-qr')!.getBoundingClientRect();
      return qr.top >= 0 && qr.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(await qrBelowHeading(page)).toBeLessThanOrEqual(SCREEN);
    await look('390-platite');

    // Copy the reference: "✓ Kopirano" beside the button, seen (and announced).
    const copy = page.getByRole('button', { name: t.copyRef, exact: true });
    await copy.click();
    const mark = page.locator('jp-bills .jp-slip-row', { has: copy }).locator('.jp-copy-done');
    await expect.poll(() => mark.textContent()).toBe(t.copied);
    expect(await mark.isVisible()).toBe(true);
    const row = await page.locator('jp-bills .jp-slip-row', { has: copy }).boundingBox();
    const markBox = (await mark.boundingBox())!;
    expect(markBox.y).toBeGreaterThanOrEqual(row!.y);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(row!.y + row!.height);
    await page
      .locator('jp-bills .jp-slip-row', { has: copy })
      .screenshot({ path: `${SHOTS}/${locale}-390-kopirano.png` });
    await page.screenshot({ path: `${SHOTS}/${locale}-390-kopirano-page.png` });

    // Every bill of the list too, the one under an older unpaid bill's line included.
    await page.getByRole('button', { name: t.back }).click();
    const listed = await page.locator('jp-bills [data-bill]').count();
    for (let i = 0; i < listed; i++) {
      await page.locator('jp-bills [data-bill]').nth(i).click();
      await page.locator('jp-bills .jp-back').waitFor();
      if (await page.locator('jp-bills svg.jp-qr').count()) {
        expect(await qrBelowHeading(page), `bill ${i}`).toBeLessThanOrEqual(SCREEN);
        if (await page.locator('jp-bills .jp-older').count()) await look('390-older-debt');
      }
      await page.getByRole('button', { name: t.back }).click();
      await page.locator('jp-bills [data-bill]').first().waitFor();
    }
    await page.getByRole('button', { name: t.november }).first().click();
    await page.locator('jp-bills svg.jp-qr').waitFor();

    // A small phone: nothing wider than the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await look('320');

    // Text at 200 % on a plain host page (the demo site's own columns do not follow large text):
    // the bill's page, at 320 and 390 px, nothing wider than the screen.
    const billId = await page.evaluate(() => document.querySelector('jp-bills')!.place.split('=')[1]);
    await page.route(`${server.url}/tekst-200.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="sr" style="font-size: 200%"><head><meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <script type="module" src="/widget/jp-portal.js"></script></head>
          <body style="margin: 0"><jp-portal lang="${locale}"></jp-portal></body></html>`,
      }),
    );
    await page.goto(`${server.url}/tekst-200.html#racun=${billId}`);
    await page.locator('jp-bills svg.jp-qr').waitFor();
    await look('320-text-200');
    await page.setViewportSize({ width: 390, height: SCREEN });
    await look('390-text-200');
    // The bills and the months at 200 % text: each block below the one before, none over another.
    await page.goto(`${server.url}/tekst-200.html#racuni`);
    await page.locator('jp-bills li').first().waitFor();
    await look('390-text-200-racuni');
    const overlaps = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('jp-bills :is(ul, ol, table, svg, figure, .jp-card)')]
        .filter((b) => !b.parentElement?.closest('jp-bills :is(ul, ol, table, svg, figure, .jp-card)'))
        .map(
          (b) =>
            [
              b.localName + (b.className && typeof b.className === 'string' ? `.${b.className}` : ''),
              b.getBoundingClientRect(),
            ] as const,
        )
        .filter(([, r]) => r.height > 0);
      const hit: string[] = [];
      for (let i = 0; i < blocks.length; i++)
        for (let j = i + 1; j < blocks.length; j++) {
          const [a, ra] = blocks[i];
          const [b, rb] = blocks[j];
          if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1)
            hit.push(`${a} × ${b}`);
        }
      return hit;
    });
    expect(overlaps).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('an address never confirmed', () => {
  it('the login offers a new confirmation link; it arrives and confirms; the address carries over', async () => {
    const email = 'dragan@example.com';
    const headers = { 'content-type': 'application/json', origin: server.url };
    const registered = await fetch(`${server.url}/api/register`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Dragan Petrović',
        email,
        password: PASSWORD,
        consumerCode: '104522',
        pin: '7390',
        acceptTerms: true,
      }),
    });
    expect(registered.status).toBe(202);
    const first = await mailLink(server.url, 'potvrda', email);

    const context = await browser.newContext({ viewport: { width: 390, height: SCREEN } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    await page.getByLabel('E-mail adresa', { exact: true }).fill(email);
    await page.getByLabel('Lozinka', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Ulogujte se' }).click();
    await expect
      .poll(() => page.locator('jp-login [role=alert]').textContent())
      .toBe('E-mail adresa još nije potvrđena. Otvorite link iz poruke koju smo Vam poslali.');
    const again = page.getByRole('button', { name: 'Pošaljite ponovo link za potvrdu' });
    await again.waitFor();
    expect(await page.locator('jp-login [role=alert]').textContent()).not.toContain('Zaboravili ste lozinku?');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/unconfirmed-offer.png`, fullPage: true });
    await again.click();
    await expect
      .poll(() => page.locator('jp-login .jp-again [role=status]').textContent())
      .toBe('Poslali smo novi link. Važi samo najnoviji link.');
    await page.screenshot({ path: `${SHOTS}/unconfirmed-sent.png`, fullPage: true });
    // A new link in the dev mailbox, not the first one again.
    await expect.poll(() => mailLink(server.url, 'potvrda', email), { timeout: 20_000 }).not.toBe(first);
    const second = await mailLink(server.url, 'potvrda', email);

    // The address typed is already in the forgotten-password form.
    await page.getByRole('link', { name: 'Zaboravili ste lozinku?' }).click();
    await page.getByRole('heading', { name: 'Zaboravljena lozinka' }).waitFor();
    expect(await page.getByLabel('E-mail adresa', { exact: true }).inputValue()).toBe(email);

    // The new link confirms the account; the login works.
    await page.goto(second);
    await page.getByRole('heading', { name: 'Registracija je potvrđena' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link cut short gets the expired link\'s page: "Registrujte se ponovo" and the contact', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/#potvrda=abc123`);
    await page.getByRole('heading', { name: 'Potvrda nije uspela' }).waitFor();
    await page.getByRole('link', { name: 'Registrujte se ponovo' }).waitFor();
    expect(await page.locator('jp-confirm .jp-contact').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/link-cut-short.png`, fullPage: true });
    await context.close();
  });
});
