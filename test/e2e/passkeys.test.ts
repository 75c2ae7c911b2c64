// Logging in without a password, as a resident does it in real Chromium against the real server,
// with Chromium's own virtual authenticator (CDP WebAuthn: a phone's fingerprint unlock, user
// verification included) in sr-Latn at 390 px and sr-Cyrl at 320 px: ask for a code by e-mail,
// type it from the mail, accept the offer to make a passkey, log out, log in with the passkey
// (no e-mail typed), find it in the settings, remove it — and then the passkey is refused with
// words that say what to do. Axe clean, no sideways scroll, screenshots in test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, collectErrors, mailedCode, resident } from './page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { latinToCyrillic } from '../../contract/translit.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e/passkeys');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  // Served from localhost (the RP ID defaults to PORTAL_URL's host): WebAuthn needs a secure
  // context and refuses IP addresses as RP IDs.
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A platform authenticator with fingerprint unlock that always says yes (the resident touches it). */
async function virtualPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

describe.each([
  ['sr-Latn', 390, { name: 'Jelena Nikolić', email: 'jelena@example.com', code: '104523', pin: '1168' }],
  ['sr-Cyrl', 320, { name: 'Zoran Marković', email: 'zoran@example.com', code: '104528', pin: '3815' }],
] as const)('no password in %s at %i px', (locale, width, who) => {
  it('a code by e-mail, a passkey made on the offer, a passkey login, its removal', async () => {
    const t = (latin: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(latin) : latin);
    await resident(server.url, { ...who, password: 'sunce nad sremom 42' });
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const phone = await virtualPhone(page);
    let step = 0;
    const look = async (name: string) => {
      expect(await axe(page), name).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `${SHOTS}/${locale}-${String(++step).padStart(2, '0')}-${name}.png`,
        fullPage: true,
      });
    };
    const button = (name: string) => page.getByRole('button', { name: t(name), exact: true });
    const loginForm = () => page.getByRole('heading', { name: t('Prijava'), exact: true }).waitFor();
    const said = () => page.locator('jp-portal').locator('[role=status], [role=alert]').allTextContents();

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    if (locale === 'sr-Cyrl') await page.getByRole('button', { name: 'Ћирилица' }).click();
    await loginForm();
    // The other ways in arrive after the form: the passkey button says what a passkey is.
    await button('Prijava pristupnim ključem').waitFor();
    expect(await page.locator('jp-portal').textContent()).toContain(
      t('Pristupni ključ: otisak prsta, lice ili PIN telefona umesto lozinke.'),
    );
    expect(await page.getByLabel(t('E-mail adresa'), { exact: true }).getAttribute('autocomplete')).toBe(
      'username webauthn',
    );
    await look('login');

    // A code by e-mail: the address, the code from the mail, in.
    await page
      .getByRole('link', { name: t('Pošaljite mi kod za prijavu') })
      .or(button('Pošaljite mi kod za prijavu'))
      .click();
    await page.getByRole('heading', { name: t('Prijava kodom iz e-maila') }).waitFor();
    await page.getByLabel(t('E-mail adresa'), { exact: true }).fill(who.email);
    await button('Pošaljite mi kod').click();
    await page.getByLabel(t('Kod iz e-maila')).waitFor();
    expect(await page.locator('jp-portal').textContent()).toContain(who.email);
    await look('code-sent');
    await page.getByLabel(t('Kod iz e-maila')).fill(await mailedCode(server.url, who.email));
    await button('Ulogujte se').click();

    // Logged in: the offer to make a passkey, above the summary.
    await page.locator('jp-account .jp-acc-head h2').waitFor();
    await page.getByRole('heading', { name: t('Ulogujte se otiskom prsta ili licem') }).waitFor();
    await look('offer');
    await button('Napravite pristupni ključ').click();
    await page.getByRole('heading', { name: t('Pristupni ključ je napravljen') }).waitFor();
    const [credential] = await phone.credentials();
    expect(credential).toMatchObject({ rpId: 'localhost', isResidentCredential: true });
    await look('passkey-made');

    // Log out: the login form offers the passkey in the e-mail field's autofill (conditional
    // mediation); choosing it logs in, with no e-mail and no password typed.
    const loggedIn = async () => {
      await page.locator('jp-account .jp-acc-head h2').waitFor();
      expect(await page.locator('jp-account .jp-acc-head h2').textContent()).toContain(t(who.name));
    };
    const passkeyLogin = () => page.waitForResponse((r) => r.url().endsWith('/api/passkey/login'));
    let answered = passkeyLogin();
    await button('Odjavite se').click();
    expect((await answered).status()).toBe(200);
    await loggedIn();
    expect((await phone.credentials())[0].signCount).toBeGreaterThan(credential.signCount);

    // Again, as in a browser without the autofill (the virtual authenticator answers the
    // autofill's request at once, as if the resident had picked the passkey): the button.
    await page.evaluate(() => {
      PublicKeyCredential.isConditionalMediationAvailable = async () => false;
    });
    await button('Odjavite se').click();
    await loginForm();
    answered = passkeyLogin();
    await button('Prijava pristupnim ključem').click();
    expect((await answered).status()).toBe(200);
    await loggedIn();

    // The settings list it, named after the kind of device, with "Uklonite" behind a confirm step in words.
    await button('Podešavanja').click();
    const block = page.locator('[data-block=passkeys]');
    await expect.poll(() => block.locator('li').count()).toBe(1);
    // Headless Chromium on Linux says it is a desktop: "Računar — Linux".
    expect(await block.locator('li').textContent()).toContain(t('Računar'));
    await look('settings');
    await block
      .getByRole('button', { name: new RegExp(`^${t('Uklonite')}`) })
      .first()
      .click();
    await button('Da, uklonite').click();
    await expect.poll(() => block.locator('li').count()).toBe(0);

    // The phone still holds the key, but the portal no longer knows it: refused, with what to do,
    // and the browser is told to forget it (signalUnknownCredential).
    expect(await phone.credentials()).toHaveLength(1);
    await button('Odjavite se').click();
    await loginForm();
    await button('Prijava pristupnim ključem').click();
    await expect
      .poll(said)
      .toContainEqual(expect.stringContaining(t('Pristupni ključ nije prihvaćen. Ulogujte se lozinkom ili kodom')));
    await expect.poll(() => phone.credentials()).toHaveLength(0);
    await look('passkey-refused');
    expect(errors).toEqual([]);
    await context.close();
  });
});
