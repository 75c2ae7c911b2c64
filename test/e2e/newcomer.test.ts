// The newcomer's whole flow through the UI, by accessible names, in real Chromium against
// the real server: register with a demo consumer, confirm from the demo mailbox, log in with
// "Zapamti me", see the account, log out, forgotten password, reset, log in. Run for the utility
// UTILITY_CONFIG names (Ruma's by default; `npm test` runs it again for demo/vodovod, with a
// widget and server built for it): its demo residents, and its name, colour, formats and payee seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, decodeQr, mailLink, collectErrors } from './page-checks.ts';
import { ipsQrProblems } from '../../worker/src/bills/ips-qr.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { testUtility as utility } from '../support/utility.ts';
import { latinToCyrillic } from '../../contract/translit.ts';
import type { PrintedAt } from '../../contract/utility-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, process.env.UTILITY_CONFIG ? 'test-results/e2e-second-utility' : 'test-results/e2e');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(process.env.UTILITY_CONFIG ? { env: { UTILITY_CONFIG: process.env.UTILITY_CONFIG } } : {});
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = {
  'sr-Latn': {
    create: 'Kreirajte nalog',
    pin: 'PIN',
    name: 'Ime i prezime',
    email: 'E-mail adresa',
    password: 'Lozinka',
    code: 'Šifra potrošača',
    terms: /Prihvatam/,
    register: 'Registracija',
    check: 'Proverite e-mail',
    confirmed: 'Registracija je potvrđena',
    already: 'Registracija je već potvrđena',
    login: 'Ulogujte se',
    remember: 'Zapamti me',
    billsTab: 'Računi',
    settingsTab: 'Podešavanja',
    want: 'Želim da obrišem nalog',
    confirmDelete: 'Upišite lozinku da potvrdite brisanje',
    logout: 'Odjavite se',
    forgot: 'Zaboravili ste lozinku?',
    send: 'Pošaljite link',
    emailBills: 'Slanje računa na e-mail',
    export: 'Preuzmite podatke za prenos (moji-podaci.json)',
    view: 'Pogledajte svoje podatke',
    deleteAccount: 'Obrišite nalog',
    currentPassword: 'Trenutna lozinka',
    changePassword: 'Promenite lozinku',
    add: 'Dodajte',
    bill: 'Račun za novembar 2026.',
    qr: 'IPS QR kod za plaćanje',
    pdf: 'Preuzmite PDF',
    backToBills: 'Nazad na račune',
    newPassword: 'Nova lozinka',
    save: 'Sačuvajte lozinku',
    changed: 'Lozinka je promenjena',
    open: 'Otvorite svoj nalog',
    heading: 'Prijava',
  },
  'sr-Cyrl': {
    create: 'Креирајте налог',
    pin: 'ПИН',
    name: 'Име и презиме',
    email: 'Имејл адреса',
    password: 'Лозинка',
    code: 'Шифра потрошача',
    terms: /Прихватам/,
    register: 'Регистрација',
    check: 'Проверите имејл',
    confirmed: 'Регистрација је потврђена',
    already: 'Регистрација је већ потврђена',
    login: 'Улогујте се',
    remember: 'Запамти ме',
    billsTab: 'Рачуни',
    settingsTab: 'Подешавања',
    want: 'Желим да обришем налог',
    confirmDelete: 'Упишите лозинку да потврдите брисање',
    logout: 'Одјавите се',
    forgot: 'Заборавили сте лозинку?',
    send: 'Пошаљите линк',
    emailBills: 'Слање рачуна на имејл',
    export: 'Преузмите податке за пренос (moji-podaci.json)',
    view: 'Погледајте своје податке',
    deleteAccount: 'Обришите налог',
    currentPassword: 'Тренутна лозинка',
    changePassword: 'Промените лозинку',
    add: 'Додајте',
    bill: 'Рачун за новембар 2026.',
    qr: 'IPS QR код за плаћање',
    pdf: 'Преузмите PDF',
    backToBills: 'Назад на рачуне',
    newPassword: 'Нова лозинка',
    save: 'Сачувајте лозинку',
    changed: 'Лозинка је промењена',
    open: 'Отворите свој налог',
    heading: 'Пријава',
  },
} as const;

type Resident = { code: string; pin: string; name: string; email: string; second: { code: string; pin: string } };
/** Each utility's demo residents (its demo CSVs), and the reference its November bill carries. */
const DEMO: Record<string, { residents: [Resident, Resident]; reference: (code: string) => RegExp }> = {
  'JP Stambeno Ruma': {
    residents: [
      {
        code: '104521',
        pin: '4821',
        name: 'Milica Jovanović',
        email: 'milica@example.com',
        second: { code: '104525', pin: '9034' },
      },
      {
        code: '104529',
        pin: '8452',
        name: 'Драгана Стојановић',
        email: 'dragana@example.com',
        second: { code: '104526', pin: '2277' },
      },
    ],
    reference: (code) => new RegExp(`\\d{2}${code}202611`),
  },
  'JKP Vodovod Primer': {
    residents: [
      {
        code: 'VD-104732',
        pin: '271846',
        name: 'Goran Stanković',
        email: 'goran@example.com',
        second: { code: 'VD-104731', pin: '583920' },
      },
      {
        code: 'VD-104737',
        pin: '730264',
        name: 'Маја Павловић',
        email: 'maja@example.com',
        second: { code: 'VD-104735', pin: '662093' },
      },
    ],
    reference: (code) => new RegExp(`${code.slice(3)}-202611`),
  },
};
const demo = DEMO[utility.name];

describe.each([
  ['sr-Latn', demo.residents[0]],
  ['sr-Cyrl', demo.residents[1]],
] as const)('newcomer flow in %s', (locale, who) => {
  it('works end to end by keyboard-reachable, labelled controls, with no console errors', async () => {
    const t = T[locale];
    // The Cyrillic run is on the narrowest phone the portal supports.
    const width = locale === 'sr-Cyrl' ? 320 : 390;
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    let step = 0;
    const shot = async (name: string) =>
      page.screenshot({ path: `${SHOTS}/${locale}-${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    if (locale === 'sr-Cyrl') await page.getByRole('button', { name: 'Ћирилица' }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();
    expect(await axe(page)).toEqual([]);
    // The utility's own name (its Cyrillic generated) and colour.
    const utilityName = locale === 'sr-Cyrl' ? latinToCyrillic(utility.name) : utility.name;
    await page.locator('jp-portal').getByText(utilityName, { exact: true }).first().waitFor();
    // The demo site around it speaks for the same utility (its pages written for it, widget/scripts/demo-pages.ts).
    await expect.poll(() => page.textContent('header.site')).toBe(utility.name);
    const buttonColour = await page
      .getByRole('button', { name: t.login })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(utility.colors.primary.slice(i, i + 2), 16));
    expect(buttonColour).toBe(`rgb(${r}, ${g}, ${b})`);
    await shot('login');

    await page.getByRole('link', { name: t.create }).click();
    await page.getByLabel(t.name, { exact: true }).fill(who.name);
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill('sunce nad sremom 42');
    await page.getByLabel(t.code, { exact: true }).fill(who.code);
    // Where the code and PIN are on the bill, as configured, and the keyboard their format needs.
    const code = page.getByLabel(t.code, { exact: true });
    expect(await code.getAttribute('inputmode')).toBe(/[A-Z]/.test(utility.consumerCode.example) ? 'text' : 'numeric');
    const where: Record<PrintedAt, string> = {
      'top-left': 'u gornjem levom uglu računa',
      'top-right': 'u gornjem desnom uglu računa',
      'bottom-left': 'u donjem levom uglu računa',
      'bottom-right': 'u donjem desnom uglu računa',
      'back-top-left': 'na poleđini računa, u gornjem levom uglu',
      'back-top-right': 'na poleđini računa, u gornjem desnom uglu',
      'back-bottom-left': 'na poleđini računa, u donjem levom uglu',
      'back-bottom-right': 'na poleđini računa, u donjem desnom uglu',
    };
    const inScript = (latin: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(latin) : latin);
    for (const [label, at] of [
      [t.code, utility.consumerCode.printedAt],
      [t.pin, utility.pin.printedAt],
    ] as const)
      expect(
        await page.getByLabel(label, { exact: true }).evaluate((i) => i.closest('.jp-field')?.textContent),
      ).toContain(inScript(`Nalazi se ${where[at]}`));
    await page.getByLabel(t.pin, { exact: true }).fill('0'.repeat(who.pin.length));
    await page.getByLabel(t.terms).check();
    await page.getByRole('button', { name: t.register }).click();
    // A wrong PIN: the error is announced and nothing is registered.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/PIN|ПИН/);
    await shot('wrong-pin');
    await page.getByLabel(t.pin, { exact: true }).fill(who.pin);
    await page.getByRole('button', { name: t.register }).click();
    await page.getByRole('heading', { name: t.check }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot('registered');
    // Nothing is wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await page.goto(await mailLink(server.url, 'potvrda', who.email));
    await page.getByRole('heading', { name: t.confirmed }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await shot('confirmed');
    // The same link opened again: already confirmed, and the way to the login.
    await page.goto(await mailLink(server.url, 'potvrda', who.email));
    await page.getByRole('heading', { name: t.already }).waitFor();
    await shot('confirmed-again');

    await page.getByRole('link', { name: t.login }).click();
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill('sunce nad sremom 42');
    await page.getByLabel(t.remember, { exact: true }).check();
    await page.getByRole('button', { name: t.login }).click();
    await page.getByRole('button', { name: t.logout, exact: true }).waitFor();
    // The header comes first; the summary with the consumer code once its answer is in.
    await page.locator('jp-account').getByText(who.code).first().waitFor();
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'jp_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'jp_session')!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86400);
    await shot('account');

    // The bills: open the newest, see the slip and its IPS QR code, download its PDF.
    await page.getByRole('button', { name: t.billsTab, exact: true }).click();
    await page.getByRole('button', { name: t.bill }).click();
    await page.getByRole('img', { name: t.qr }).waitFor();
    // Scan the QR code as a banking app would, and check its text by the NBS rules.
    const scanned = decodeQr(await page.getByRole('img', { name: t.qr }).screenshot());
    expect(scanned).toMatch(/^K:PR\|V:01\|C:1\|R:\d{18}\|/);
    expect(ipsQrProblems(scanned!)).toEqual([]);
    // The utility's payee and payment code; the bill's reference under its model.
    expect(scanned).toContain(`|N:${utility.payment.payee.join('\r\n')}|`);
    expect(scanned).toContain(`|SF:${utility.payment.paymentCode}|`);
    expect(scanned).toMatch(new RegExp(`\\|RO:${utility.payment.model}${demo.reference(who.code).source}$`));
    expect(await page.textContent('jp-bills')).toMatch(demo.reference(who.code));
    expect(await axe(page)).toEqual([]);
    const pdfHref = await page.getByRole('link', { name: t.pdf }).getAttribute('href');
    const pdf = await context.request.get(new URL(pdfHref!, server.url).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('bill');
    await page.getByRole('button', { name: t.backToBills }).click();

    // Settings: a wrong current password is refused at the right field; another code can be linked.
    await page.getByRole('button', { name: t.settingsTab, exact: true }).click();
    await page.getByLabel(t.currentPassword, { exact: true }).fill('nije moja lozinka');
    await page.getByLabel(t.newPassword, { exact: true }).first().fill('nova lozinka za rumu 7');
    await page.getByRole('button', { name: t.changePassword }).click();
    await expect
      .poll(async () => page.getByLabel(t.currentPassword, { exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    await page.getByLabel(t.code, { exact: true }).fill(who.second.code);
    await page.getByLabel(t.pin, { exact: true }).fill(who.second.pin);
    await page.getByRole('button', { name: t.add, exact: true }).click();
    await expect.poll(() => page.textContent('jp-account')).toContain(who.second.code);
    expect(await axe(page)).toEqual([]);
    await shot('settings');

    await page.reload();
    await page.getByRole('button', { name: t.logout, exact: true }).waitFor();
    await page.getByRole('button', { name: t.logout, exact: true }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await shot('logged-out');

    await page.getByRole('link', { name: t.forgot }).click();
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).not.toBe('');
    await shot('forgot');

    await page.goto(await mailLink(server.url, 'reset', who.email));
    await page.getByLabel(t.newPassword, { exact: true }).fill('nova lozinka za rumu 7');
    await page.getByRole('button', { name: t.save }).click();
    await page.getByRole('heading', { name: t.changed }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await shot('reset');
    // The reset logged the resident in; out again, to log in with the new password.
    await page.getByRole('button', { name: t.open }).click();
    await page.getByRole('button', { name: t.logout, exact: true }).waitFor();
    await page.getByRole('button', { name: t.logout, exact: true }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();
    await page.getByLabel(t.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.password, { exact: true }).fill('nova lozinka za rumu 7');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: t.logout, exact: true }).waitFor();
    await shot('logged-in-again');

    // E-mail bills off and on, "my data", and finally deleting the account.
    await page.getByRole('button', { name: t.settingsTab, exact: true }).click();
    const bills = page.getByLabel(t.emailBills, { exact: true });
    await bills.uncheck();
    await expect
      .poll(async () => (await (await context.request.get(`${server.url}/api/me`)).json()).account.emailBills)
      .toBe(false);
    await bills.check();
    await expect
      .poll(async () => (await (await context.request.get(`${server.url}/api/me`)).json()).account.emailBills)
      .toBe(true);
    const exportHref = await page.getByRole('link', { name: t.export }).getAttribute('href');
    const mine = await (await context.request.get(new URL(exportHref!, server.url).toString())).json();
    expect(mine.account.email).toBe(who.email);
    // The same to read, in the page's script.
    const viewHref = await page.getByRole('link', { name: t.view }).getAttribute('href');
    const readable = await (await context.request.get(new URL(viewHref!, server.url).toString())).text();
    expect(readable).toContain(who.email);
    expect(readable).toContain(`<html lang="${locale}">`);
    // Deleting is a step of its own (no browser dialog): the password, then the red button.
    await page.getByRole('button', { name: t.want }).click();
    await page.getByLabel(t.confirmDelete, { exact: true }).fill('nova lozinka za rumu 7');
    await page.getByRole('button', { name: t.deleteAccount }).click();
    await page.getByRole('heading', { name: t.heading }).waitFor();
    expect(
      (
        await context.request.post(`${server.url}/api/login`, {
          data: { email: who.email, password: 'nova lozinka za rumu 7' },
        })
      ).status(),
    ).toBe(401);
    await shot('deleted');

    expect(errors).toEqual([]);
    await context.close();
  });
});
