// The third utility end to end (run.mjs builds the widget for test/third-utility/utility.json
// first): in Chromium against the Node server started with that configuration, a resident
// registers with the code typed in lower case with spaces and the PIN in two groups — the hints
// and the bill figure show the PIN on the back of the bill —, confirms from the dev mailbox, logs
// in, sees the printed code and the orange brand, downloads the total's QR code (its address holds
// the encoded slash, its file name none) and a bill's PDF, and links a further code typed the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type PortalServer } from '../e2e/server.ts';
import { axe, collectErrors, decodeQr, mailLink } from '../e2e/page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { readUtilityConfig } from '../../worker/node/utility-file.ts';
import { ipsQrProblems } from '../../worker/src/bills/ips-qr.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = 'test/third-utility/utility.json';
const third = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, CONFIG) });
const who = { name: 'Jelena Marković', email: 'jelena@example.com', password: 'sunce nad toplicama 42' };
let server: PortalServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { UTILITY_CONFIG: CONFIG } });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the third utility (slash codes, the PIN on the back, 8 digits, total payment)', () => {
  it('registers with the code and PIN as typed, confirms, pays the total by QR and gets the PDF', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Prijava' }).waitFor();
    const login = page.getByRole('button', { name: 'Ulogujte se' });
    expect(await login.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(194, 65, 12)');
    expect(third.colors.primary).toBe('#c2410c');

    await page.getByRole('link', { name: 'Kreirajte nalog' }).click();
    await page.getByLabel('Ime i prezime', { exact: true }).fill(who.name);
    await page.getByLabel('E-mail adresa', { exact: true }).fill(who.email);
    await page.getByLabel('Lozinka', { exact: true }).fill(who.password);
    const code = page.getByLabel('Šifra potrošača', { exact: true });
    const pin = page.getByLabel('PIN', { exact: true });
    await code.fill(' t-2024/ 0815 ');
    await pin.fill('9023 3871');
    expect([await code.getAttribute('inputmode'), await pin.getAttribute('inputmode')]).toEqual(['text', 'numeric']);
    const hint = (f: typeof code) => f.evaluate((i) => i.closest('.jp-field')?.textContent);
    expect(await hint(code)).toContain('Nalazi se u gornjem levom uglu računa.');
    expect(await hint(pin)).toContain('Nalazi se na poleđini računa, u gornjem desnom uglu.');
    await page.getByText('Gde se nalaze šifra potrošača i PIN?').click();
    const figure = page.getByRole('img', { name: /na poleđini računa/ });
    expect(await figure.textContent()).toContain('Poleđina računa');
    await page.getByLabel(/Prihvatam/).check();
    await page.getByRole('button', { name: 'Registracija' }).click();
    await page.getByRole('heading', { name: 'Proverite e-mail' }).waitFor();

    await page.goto(await mailLink(server.url, 'potvrda', who.email));
    await page.getByRole('heading', { name: 'Registracija je potvrđena' }).waitFor();
    await page.getByRole('link', { name: 'Ulogujte se' }).click();
    await page.getByLabel('E-mail adresa', { exact: true }).fill(who.email);
    await page.getByLabel('Lozinka', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Ulogujte se' }).click();
    await page.getByRole('button', { name: 'Odjavite se', exact: true }).waitFor();
    // The code as printed on the bill, not as typed.
    await page.locator('jp-account').getByText('T-2024/0815').first().waitFor();
    expect(await page.textContent('jp-account')).not.toContain('t-2024');

    // Two unpaid bills, one payment (totalPayment: total): its QR code and the picture to save.
    await page.getByRole('button', { name: /^Platite ukupno 9\.330,00/ }).click();
    await page.getByRole('heading', { name: 'Plaćanje svih neplaćenih računa' }).waitFor();
    const scanned = decodeQr(await page.getByRole('img', { name: 'IPS QR kod za plaćanje' }).screenshot());
    expect(ipsQrProblems(scanned!)).toEqual([]);
    expect(scanned).toContain('|S:Grejanje, dug za T-2024/0815|');
    expect(scanned).toMatch(/\|RO:97\d{2}20240815$/);
    const qrLink = page.getByRole('link', { name: 'Preuzmite QR kod' });
    const qrHref = (await qrLink.getAttribute('href'))!;
    expect(qrHref).toContain('/api/account/consumers/T-2024%2F0815/qr.png');
    const [qrFile] = await Promise.all([page.waitForEvent('download'), qrLink.click()]);
    expect(qrFile.suggestedFilename()).toBe('ips-qr-T-2024-0815-ukupno.png');
    const png = await context.request.get(new URL(qrHref, server.url).toString());
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    expect(png.headers()['content-disposition']).toBe('attachment; filename="ips-qr-T-2024-0815-ukupno.png"');
    // The total's place in the address holds the slash; a reload comes back to it.
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#ukupno=T-2024/0815');
    await page.reload();
    await page.getByRole('heading', { name: 'Plaćanje svih neplaćenih računa' }).waitFor();

    // The bill itself and its PDF.
    await page.getByRole('button', { name: 'Nazad na račune' }).click();
    await page.getByRole('button', { name: 'Račun za novembar 2026.' }).click();
    await page.getByRole('img', { name: 'IPS QR kod za plaćanje' }).waitFor();
    expect(await page.textContent('jp-bills')).toContain('5.120,00');
    const pdfLink = page.getByRole('link', { name: 'Preuzmite PDF' });
    const pdf = await context.request.get(new URL((await pdfLink.getAttribute('href'))!, server.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toContain('filename="racun-T-2024-0815-2026-11.pdf"');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const [pdfFile] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(pdfFile.suggestedFilename()).not.toContain('/');
    await page.getByRole('button', { name: 'Nazad na račune' }).click();

    // Settings: a further code, typed the same way.
    await page.getByRole('button', { name: 'Podešavanja', exact: true }).click();
    await page.getByLabel('Šifra potrošača', { exact: true }).fill('t-2023 /0042');
    await page.getByLabel('PIN', { exact: true }).fill('6612 0458');
    await page.getByRole('button', { name: 'Dodajte', exact: true }).click();
    await expect.poll(() => page.textContent('jp-account')).toContain('T-2023/0042');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
