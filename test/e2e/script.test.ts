// The resident's own script, end to end in real Chromium against the real server: registered in
// Cyrillic, the confirmation mail's link (`&jezik=sr-Cyrl`) opened in a fresh browser shows the
// portal in Cyrillic; a login on another fresh browser turns the Latin login page Cyrillic (the
// account's mail language); "Srpski, latinica" chosen in Podešavanja makes the next mail Latin,
// its link too; the names of the files downloaded stay Latin. Screenshots of both scripts at
// 390 px, axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, mailLink, collectErrors } from './page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { latinToCyrillic as cyr } from '../../contract/translit.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e-script');
const WHO = { name: 'Milica Jovanović', email: 'milica.pismo@example.com', code: '104521', pin: '4821' };
const PASSWORD = 'sunce nad sremom 42';
const NEW_PASSWORD = 'kiša nad rumom 43';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A browser never used before: no remembered script, no cookies (a new device). */
async function freshPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

type Mail = { to: string; kind: string; text: string };
/** The newest mail of `kind` to the resident, from the dev mailbox (sent after the answer). */
async function newestMail(kind: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const { mails } = (await (await fetch(`${server.url}/api/dev/outbox`)).json()) as { mails: Mail[] };
        found = mails.find((m) => m.to === WHO.email && m.kind === kind);
        return !!found;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

describe("the resident's own script", () => {
  it('from the mail link and from the account, in a fresh browser each time; the mails follow Podešavanja', async () => {
    // Registered in Cyrillic (the switch), on a phone.
    const first = await freshPage();
    await first.page.goto(server.url);
    await first.page.getByRole('button', { name: 'Ћирилица' }).click();
    await first.page.getByRole('heading', { name: 'Пријава' }).waitFor();
    await first.page.getByRole('link', { name: 'Креирајте налог' }).click();
    await first.page.getByLabel('Име и презиме', { exact: true }).fill(WHO.name);
    await first.page.getByLabel('Имејл адреса', { exact: true }).fill(WHO.email);
    await first.page.getByLabel('Лозинка', { exact: true }).fill(PASSWORD);
    await first.page.getByLabel('Шифра потрошача', { exact: true }).fill(WHO.code);
    await first.page.getByLabel('ПИН', { exact: true }).fill(WHO.pin);
    await first.page.getByLabel(/Прихватам/).check();
    await first.page.getByRole('button', { name: 'Регистрација' }).click();
    await first.page.getByRole('heading', { name: 'Проверите имејл' }).waitFor();

    // The confirmation mail, in Cyrillic, carries its script on its link.
    const link = await mailLink(server.url, 'potvrda', WHO.email, true);
    expect(link).toMatch(/#potvrda=[\w-]{43}&jezik=sr-Cyrl$/);

    // Opened in a browser that has never seen the portal: Cyrillic, the address clean.
    const confirm = await freshPage();
    await confirm.page.goto(link);
    await confirm.page.getByRole('heading', { name: cyr('Registracija je potvrđena') }).waitFor();
    expect(new URL(confirm.page.url()).hash).toBe('');
    expect(await confirm.page.getAttribute('jp-portal', 'lang')).toBe('sr-Cyrl');
    expect(await axe(confirm.page)).toEqual([]);
    await shot(confirm.page, 'sr-Cyrl-01-confirmed-from-link');

    // Another new device: the login is Latin (nothing chosen here), the account Cyrillic after it.
    const device = await freshPage();
    const page = device.page;
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    await shot(page, 'sr-Latn-02-login-new-device');
    await page.getByLabel('E-mail adresa', { exact: true }).fill(WHO.email);
    await page.getByLabel('Lozinka', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Ulogujte se' }).click();
    await page.getByRole('button', { name: 'Одјавите се', exact: true }).waitFor();
    await page.locator('jp-account').getByText(WHO.code).first().waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sr-Cyrl-03-account-from-login');

    // Podešavanja: the mail language, in Cyrillic; the file of "my data" named in Latin.
    await page.getByRole('button', { name: 'Подешавања', exact: true }).click();
    await page.getByRole('heading', { name: 'Језик и писмо порука' }).waitFor();
    const hint = await page.locator('jp-settings').textContent();
    expect(hint).toContain('2026-11-27T14:05:00.000Z');
    const exportLink = page.getByRole('link', { name: 'Преузмите податке за пренос (moji-podaci.json)' });
    expect(await exportLink.getAttribute('download')).toBe('moji-podaci.json');
    const exported = await device.context.request.get(
      new URL((await exportLink.getAttribute('href'))!, server.url).toString(),
    );
    expect(exported.headers()['content-disposition']).toContain('filename="moji-podaci.json"');
    expect(await page.getByLabel('Српски, ћирилица').isChecked()).toBe(true);
    await page.getByLabel('Srpski, latinica').check();
    await page
      .locator('[data-block=locale] .jp-status')
      .getByText(cyr('Poruke će Vam od sada stizati na izabranom jeziku i pismu.'))
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sr-Cyrl-04-mail-language-latin');

    // The next mail (the password changed) is Latin, and so is its link.
    await page.getByLabel('Тренутна лозинка', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Нова лозинка', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Промените лозинку' }).click();
    await page.getByText(cyr('Lozinka je promenjena. Ostali uređaji su odjavljeni.')).waitFor();
    const notice = await newestMail('password_changed');
    expect(notice.text).toContain('lozinka Vašeg naloga na portalu je upravo promenjena');
    expect(notice.text).toMatch(/#jezik=sr-Latn$/m);
    expect(notice.text).not.toMatch(/jezik=sr-Cyrl/);

    // The bill's downloads keep Latin names in the Cyrillic page.
    await page.getByRole('button', { name: 'Рачуни', exact: true }).click();
    await page.getByRole('button', { name: cyr('Račun za novembar 2026.') }).click();
    const pdfLink = page.getByRole('link', { name: 'Преузмите PDF' });
    await pdfLink.waitFor();
    const pdf = await device.context.request.get(new URL((await pdfLink.getAttribute('href'))!, server.url).toString());
    const pdfName = /filename="([^"]+)"/.exec(pdf.headers()['content-disposition'] ?? '')?.[1];
    expect(pdfName).toMatch(/^[\w.-]+\.pdf$/);
    expect(pdfName).toContain(WHO.code);
    const pngName = await page.getByRole('link', { name: 'Преузмите QR код' }).getAttribute('download');
    expect(pngName).toMatch(/^[\w.-]+\.png$/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sr-Cyrl-05-bill-downloads');

    // The switch on this device: Latin from now on here, and the account's mail language with it.
    await page.getByRole('button', { name: 'Latinica' }).click();
    await page.getByRole('button', { name: 'Odjavite se', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sr-Latn-06-switched');

    for (const c of [first, confirm, device]) expect(c.errors).toEqual([]);
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
});
