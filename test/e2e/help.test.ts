// Where a resident gets stuck, in real Chromium against the real server, sr-Latn at 390 px and
// sr-Cyrl at 320 px: a consumer code locked after too many wrong PINs and a code someone else
// already registered show the utility's contact; "a link was already sent a moment ago"; a new
// e-mail address is confirmed only by its button (the #nova-adresa= link alone changes nothing);
// the token leaves the address bar. Every public view (login, registration, "Proverite e-mail",
// confirmation, a link opened again or expired, forgotten password, reset, unsubscribe) fits the
// phone without sideways scrolling, is axe-clean and has the "Pomoć" block; an anonymous page
// view logs no console error at all. Screenshots in test-results/e2e/help-*.png and public-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, mailLink, collectErrors } from './page-checks.ts';
import utility from '../../config/utility.json' with { type: 'json' };
import { chromiumLaunchOptions } from '../support/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e');
// The Cyrillic runs are on the narrowest phone the portal supports.
const WIDTHS = { 'sr-Latn': 390, 'sr-Cyrl': 320 } as const;
const PASSWORD = 'sunce nad sremom 42';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Three wrong PINs in total lock a code here (20 by default), before the 15-minute limit.
  server = await startServer({ env: { PIN_TOTAL_MAX_FAILURES: '3' } });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = {
  'sr-Latn': {
    heading: 'Prijava',
    create: 'Kreirajte nalog',
    name: 'Ime i prezime',
    email: 'E-mail adresa',
    password: 'Lozinka',
    code: 'Šifra potrošača',
    pin: 'PIN',
    terms: /Prihvatam/,
    register: 'Registracija',
    check: 'Proverite e-mail',
    confirmed: 'Registracija je potvrđena',
    login: 'Ulogujte se',
    logout: 'Odjavite se',
    settingsTab: 'Podešavanja',
    forgot: 'Zaboravili ste lozinku?',
    send: 'Pošaljite link',
    newEmail: 'Nova e-mail adresa',
    changeEmail: 'Promenite adresu',
    ask: 'Potvrda nove e-mail adrese',
    confirmEmail: 'Potvrdite novu e-mail adresu',
    emailConfirmed: 'Nova e-mail adresa je potvrđena',
    locked: 'zaključana',
    taken: 'Ako ne znate ko je registrovao nalog',
    recently: 'već poslali pre nekoliko trenutaka',
    address: 'Ruma, Glavna 1',
    phone: 'Telefon',
  },
  'sr-Cyrl': {
    heading: 'Пријава',
    create: 'Креирајте налог',
    name: 'Име и презиме',
    email: 'Имејл адреса',
    password: 'Лозинка',
    code: 'Шифра потрошача',
    pin: 'ПИН',
    terms: /Прихватам/,
    register: 'Регистрација',
    check: 'Проверите имејл',
    confirmed: 'Регистрација је потврђена',
    login: 'Улогујте се',
    logout: 'Одјавите се',
    settingsTab: 'Подешавања',
    forgot: 'Заборавили сте лозинку?',
    send: 'Пошаљите линк',
    newEmail: 'Нова имејл адреса',
    changeEmail: 'Промените адресу',
    ask: 'Потврда нове имејл адресе',
    confirmEmail: 'Потврдите нову имејл адресу',
    emailConfirmed: 'Нова имејл адреса је потврђена',
    locked: 'закључана',
    taken: 'Ако не знате ко је регистровао налог',
    recently: 'већ послали пре неколико тренутака',
    address: 'Рума, Главна 1',
    phone: 'Телефон',
  },
} as const;

describe.each([
  [
    'sr-Latn',
    {
      locked: '104522',
      code: '104523',
      pin: '1168',
      email: 'jelena@example.com',
      other: "o'brien@example.com",
      next: 'jelena+nova@example.com',
    },
  ],
  [
    'sr-Cyrl',
    {
      locked: '104524',
      code: '104527',
      pin: '6640',
      email: 'snezana@example.com',
      other: 'ana+racuni@example.com',
      next: 'snezana.nova@example.com',
    },
  ],
] as const)('stuck, and what to do next, in %s', (locale, who) => {
  it('shows the contact, says "already sent", confirms a new address only by its button', async () => {
    const t = T[locale];
    const WIDTH = WIDTHS[locale];
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const shot = (name: string) => page.screenshot({ path: `${SHOTS}/help-${locale}-${name}.png`, fullPage: true });
    const noSideways = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    const alert = () => page.locator('jp-portal .jp-status[role=alert]');
    const fillRegistration = async (email: string, code: string, pin: string) => {
      await page.getByLabel(t.name, { exact: true }).fill('Ana Marković');
      await page.getByLabel(t.email, { exact: true }).fill(email);
      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByLabel(t.code, { exact: true }).fill(code);
      await page.getByLabel(t.pin, { exact: true }).fill(pin);
      await page.getByLabel(t.terms).check();
      await page.getByRole('button', { name: t.register }).click();
    };

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    if (locale === 'sr-Cyrl') await page.getByRole('button', { name: 'Ћирилица' }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();

    // Wrong PINs until the code locks: the utility's contact, from its configuration.
    await page.getByRole('link', { name: t.create }).click();
    for (const pin of ['0001', '0002', '0003', '0004']) {
      await fillRegistration('neko@example.com', who.locked, pin);
      await expect.poll(() => alert().textContent()).toMatch(pin === '0004' ? t.locked : /PIN|ПИН/);
    }
    const card = page.locator('jp-portal .jp-contact');
    await expect.poll(() => card.textContent()).toContain(t.address);
    expect(await card.textContent()).toContain(utility.contact.phone);
    expect(await card.getByRole('link', { name: utility.contact.phone }).getAttribute('href')).toBe(
      `tel:${utility.contact.tel}`,
    );
    expect(await axe(page)).toEqual([]);
    await noSideways();
    await shot('01-locked');

    // Too many attempts (the 15-minute limit, answered here by a stand-in): when, and whom to ask.
    await page.route('**/api/register', (r) =>
      r.fulfill({
        status: 429,
        headers: { 'retry-after': '900', 'content-type': 'application/json' },
        body: '{"error":{"code":"too_many_attempts"}}',
      }),
    );
    await page.getByRole('button', { name: t.register }).click();
    await expect.poll(() => alert().textContent()).toMatch(/15 min|15 мин/);
    expect(await card.isVisible()).toBe(true);
    await shot('02-too-many');
    await page.unroute('**/api/register');

    // Registered and confirmed (the link's token is in the fragment and leaves the address bar).
    await fillRegistration(who.email, who.code, who.pin);
    await page.getByRole('heading', { name: t.check }).waitFor();
    await page.goto(await mailLink(server.url, 'potvrda', who.email));
    await page.getByRole('heading', { name: t.confirmed }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // The same code again, from someone who does not know the account exists.
    await page.getByRole('link', { name: t.login }).click();
    await page.getByRole('link', { name: t.create }).click();
    await fillRegistration(who.other, who.code, who.pin);
    await expect.poll(() => alert().textContent()).toContain(t.taken);
    expect(await card.textContent()).toContain(utility.contact.email);
    expect(await page.getByRole('link', { name: t.forgot }).isVisible()).toBe(true);
    await noSideways();
    await shot('03-already-registered');

    // A reset link asked for twice: the second time, "already sent a moment ago".
    await page.getByRole('link', { name: t.login }).first().click();
    await page.getByRole('link', { name: t.forgot }).click();
    await page.getByRole('heading', { name: /^(Zaboravljena lozinka|Заборављена лозинка)$/ }).waitFor();
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByRole('button', { name: t.send }).click();
    // Whatever the form says, good or bad, so a failure shows the words rather than a timeout.
    const said = (before: string) =>
      page
        .waitForFunction((prev) => {
          const s = document.querySelector('jp-portal jp-forgot-password .jp-status');
          const text = s?.textContent?.trim() ?? '';
          return text && text !== prev ? `${s?.className.trim()}: ${text}` : false;
        }, before)
        .then(async (h) => String(await h.jsonValue()));
    const first = await said('');
    expect(first).toMatch(/^jp-status jp-good: /);
    await page.getByRole('button', { name: t.send }).click();
    expect(await said(first.replace(/^[^:]*: /, ''))).toContain(t.recently);
    await shot('04-recently-sent');

    // A new e-mail address: the link alone changes nothing, the button does.
    await page.goto(server.url);
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t.login }).click();
    await page.getByRole('button', { name: t.logout, exact: true }).waitFor();
    await page.getByRole('button', { name: t.settingsTab, exact: true }).click();
    await page.getByLabel(t.newEmail, { exact: true }).fill(who.next);
    await page
      .locator('form', { has: page.getByLabel(t.newEmail, { exact: true }) })
      .getByLabel(t.password, { exact: true })
      .fill(PASSWORD);
    await page.getByRole('button', { name: t.changeEmail }).click();
    const confirms: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname === '/api/confirm' && confirms.push(r.method())));
    await page.goto(await mailLink(server.url, 'nova-adresa', who.next));
    await page.getByRole('heading', { name: t.ask }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    // Everything the page loads on arrival has been answered, and none of it confirmed the address.
    await page.waitForLoadState('networkidle');
    expect(confirms).toEqual([]);
    const me = async () => (await (await context.request.get(`${server.url}/api/me`)).json()).account?.email;
    expect(await me()).toBe(who.email);
    expect(await axe(page)).toEqual([]);
    await noSideways();
    await shot('05-email-ask');
    await page.getByRole('button', { name: t.confirmEmail }).click();
    await page.getByRole('heading', { name: t.emailConfirmed }).waitFor();
    await expect.poll(me).toBe(who.next);
    await shot('06-email-confirmed');

    expect(errors).toEqual([]);
    await context.close();
  });
});

const P = {
  'sr-Latn': {
    heading: 'Prijava',
    aid: 'Pomoć',
    show: 'Prikaži lozinku',
    hide: 'Sakrij lozinku',
    register: 'Registracija naloga',
    guide: 'Kratko uputstvo za registraciju',
    where: 'Gde se nalaze šifra potrošača i PIN?',
    button: 'Registracija',
    name: 'Ime i prezime',
    email: 'E-mail adresa',
    password: 'Lozinka',
    code: 'Šifra potrošača',
    pin: 'PIN',
    terms: /Prihvatam/,
    digits: 'Šifra potrošača sadrži samo cifre, npr. 104521.',
    check: 'Proverite e-mail',
    wrongAddress: 'Registrujte se ponovo',
    noMail: 'Poruka ne stiže?',
    confirmed: 'Registracija je potvrđena',
    already: 'Registracija je već potvrđena',
    failed: 'Potvrda nije uspela',
    forgot: 'Zaboravljena lozinka',
    send: 'Pošaljite link',
    reset: 'Postavite novu lozinku',
    newPassword: 'Nova lozinka',
    save: 'Sačuvajte lozinku',
    expired: 'Link više ne važi',
    unsubscribe: 'Slanje računa na e-mail',
  },
  'sr-Cyrl': {
    heading: 'Пријава',
    aid: 'Помоћ',
    show: 'Прикажи лозинку',
    hide: 'Сакриј лозинку',
    register: 'Регистрација налога',
    guide: 'Кратко упутство за регистрацију',
    where: 'Где се налазе шифра потрошача и ПИН?',
    button: 'Регистрација',
    name: 'Име и презиме',
    email: 'Имејл адреса',
    password: 'Лозинка',
    code: 'Шифра потрошача',
    pin: 'ПИН',
    terms: /Прихватам/,
    digits: 'Шифра потрошача садржи само цифре, нпр. 104521.',
    check: 'Проверите имејл',
    wrongAddress: 'Региструјте се поново',
    noMail: 'Порука не стиже?',
    confirmed: 'Регистрација је потврђена',
    already: 'Регистрација је већ потврђена',
    failed: 'Потврда није успела',
    forgot: 'Заборављена лозинка',
    send: 'Пошаљите линк',
    reset: 'Поставите нову лозинку',
    newPassword: 'Нова лозинка',
    save: 'Сачувајте лозинку',
    expired: 'Линк више не важи',
    unsubscribe: 'Слање рачуна на имејл',
  },
} as const;

describe.each([
  ['sr-Latn', { code: '104528', pin: '3815', email: 'zoran.markovic-jovanovic.stambeno@primer-domena-ruma.rs' }],
  ['sr-Cyrl', { code: '104521', pin: '4821', email: 'milica.jovanovic-petrovic.stambeno@primer-domena-ruma.rs' }],
] as const)('every public view in %s', (locale, who) => {
  const t = P[locale];
  const WIDTH = WIDTHS[locale];

  it('an anonymous page view logs no console error at all (GET /api/me is 200 {account: null})', async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    await context.addInitScript((l) => localStorage.setItem('jp-portal-locale', l), locale);
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => logged.push(e.message));
    const me = page.waitForResponse((r) => r.url().endsWith('/api/me'));
    await page.goto(server.url);
    expect([(await me).status(), await (await me).json()]).toEqual([200, { account: null }]);
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await page.getByRole('heading', { name: t.aid }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(logged).toEqual([]);
    await context.close();
  });

  it('fits the phone, is axe-clean, has the Pomoć block, and says what to do next', async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    await context.addInitScript((l) => localStorage.setItem('jp-portal-locale', l), locale);
    const page = await context.newPage();
    const errors = collectErrors(page);
    let n = 0;
    // Each view: the Pomoć block is there, nothing is wider than the phone, axe finds nothing.
    const view = async (name: string, heading: string) => {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.getByRole('heading', { name: t.aid }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(WIDTH);
      expect(await axe(page), name).toEqual([]);
      // The portal alone (the demo page's mailbox below it grows with every mail).
      await page.locator('jp-portal').screenshot({
        path: `${SHOTS}/public-${locale}-${String(++n).padStart(2, '0')}-${name}.png`,
      });
    };

    await page.goto(server.url);
    await page.getByLabel(t.password, { exact: true }).fill('moja tajna lozinka');
    const show = page.getByRole('button', { name: t.show });
    await show.click();
    await page.getByRole('button', { name: t.hide }).waitFor();
    expect(await page.getByLabel(t.password, { exact: true }).getAttribute('type')).toBe('text');
    expect(await page.getByLabel(t.password, { exact: true }).getAttribute('autocomplete')).toBe('current-password');
    await view('login', t.heading);

    await page.evaluate(() =>
      document
        .querySelector('jp-portal')!
        .dispatchEvent(new CustomEvent('jp-navigate', { detail: { view: 'register' } })),
    );
    await page.getByRole('heading', { name: t.register }).waitFor();
    await page.getByText(t.guide).click();
    await page.getByText(t.where).click();
    await page.getByLabel(t.code, { exact: true }).fill('12a');
    await page.getByLabel(t.password, { exact: true }).fill('lozinka123');
    await page.getByRole('button', { name: t.button, exact: true }).click();
    await expect.poll(() => page.locator('jp-register .jp-error').allTextContents()).toContain(t.digits);
    await view('register', t.register);

    await page.getByLabel(t.name, { exact: true }).fill('Zoran Marković');
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(t.code, { exact: true }).fill(who.code);
    await page.getByLabel(t.pin, { exact: true }).fill(who.pin);
    await page.getByLabel(t.terms).check();
    await page.getByRole('button', { name: t.button, exact: true }).click();
    await page.getByRole('heading', { name: t.check }).waitFor();
    expect(await page.locator('jp-register .jp-address').textContent()).toBe(who.email);
    expect(await page.getByRole('link', { name: t.wrongAddress }).isVisible()).toBe(true);
    await page.getByText(t.noMail).click();
    await view('check-mail', t.check);

    const confirm = await mailLink(server.url, 'potvrda', who.email);
    await page.goto(confirm);
    await view('confirmed', t.confirmed);
    await page.goto(confirm);
    await view('confirmed-again', t.already);
    await page.goto(`${server.url}/#potvrda=${'x'.repeat(43)}`);
    await view('confirm-expired', t.failed);

    await page.goto(server.url);
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await page.evaluate(() =>
      document
        .querySelector('jp-portal')!
        .dispatchEvent(new CustomEvent('jp-navigate', { detail: { view: 'forgot' } })),
    );
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByRole('button', { name: t.send }).click();
    await page.getByText(t.noMail).click();
    await view('forgot-sent', t.forgot);

    await page.goto(await mailLink(server.url, 'reset', who.email));
    await page.getByLabel(t.newPassword, { exact: true }).fill('lozinkalozinka');
    await view('reset', t.reset);
    await page.goto(`${server.url}/#reset=${'x'.repeat(43)}`);
    await page.getByLabel(t.newPassword, { exact: true }).fill('sunce nad sremom 43');
    await page.getByRole('button', { name: t.save }).click();
    await view('reset-expired', t.expired);

    await page.goto(`${server.url}/?unsubscribe=${'x'.repeat(43)}`);
    await view('unsubscribe', t.unsubscribe);

    expect(errors).toEqual([]);
    await context.close();
  });
});
