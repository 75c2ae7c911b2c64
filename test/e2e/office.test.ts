// The office's console (/kancelarija/, docs/office.md) as the first administrator uses it, in real
// Chromium against the real server with Chromium's virtual authenticator: `npm run staff:invite`
// prints the invitation link, the link enrols a passkey, a consumer locked after wrong PINs is found
// by code, their card opened, the PIN unlocked with a reason (the resident's registration then
// works), the print list shown and downloaded, the audit log shows who did it and why (and its
// filters). Then Uvoz: a bills file with one bad row is previewed (the line and column shown,
// nothing imported), the fixed file imported and its period's run watched until done, and the
// print list of that period matches the run; Pregled and Zaposleni. At 1280 px and at tablet
// width (768 px), axe clean, no sideways scroll; screenshots in test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.ts';
import { axe, collectErrors, mailLink } from './page-checks.ts';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { makeReference } from '../../contract/payment-reference.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/e2e/office');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  // Three wrong PINs in total lock a code here (20 by default).
  server = await startServer({ env: { PIN_TOTAL_MAX_FAILURES: '3' } });
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A bills file for December 2026 for the demo's first five consumers; `bad` spoils one row's amount. */
function decemberBills(bad: boolean): Buffer {
  const rows = ['104521', '104522', '104523', '104524', '104525'].map(
    (code, i) =>
      `${code},2026-12,2027-01-05,2027-01-20,"${bad && i === 2 ? '18x0,00' : '1900,00'}","1900,00",160-0000001234567-29,${makeReference('97', `${code}202612`)},"Održavanje zgrade=1900,00",`,
  );
  const header =
    'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke,placeno';
  return Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`);
}

/** `npm run staff:invite -- EMAIL ROLE NAME` against the server's database: the link it prints. */
async function invite(email: string, role: string, name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'worker/node/staff-invite.ts', email, role, name],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `file:${server.dbFile}`,
        FILES_DIR: join(server.dir, 'files'),
        PORTAL_URL: `${server.url}/`,
        ALLOWED_ORIGINS: server.url,
        APP_ENV: 'development',
      },
    },
  );
  const link = stdout.match(/^(http\S+\/kancelarija\/#poziv=[\w-]+)$/m)?.[1];
  if (!link) throw new Error(`no invitation link in:\n${stdout}`);
  return link;
}

const api = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
const register = (pin: string) =>
  api('/api/register', {
    name: 'Milica Jovanović',
    email: 'milica.office@example.com',
    password: 'sunce nad sremom 42',
    consumerCode: '104521',
    pin,
    acceptTerms: true,
  });

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

describe('the office console', () => {
  it('invitation → passkey → 104521 found → PIN unlocked with a reason → print list → audit log (filtered) → Uvoz: a bad row shown, the fixed file imported, its run watched, the print list matches → Pregled, Zaposleni', async () => {
    // The resident locks their code with wrong PINs.
    for (let i = 0; i < 3; i++) expect((await register('0000')).status).toBe(400);
    expect(((await (await register('4821')).json()) as { error: { code: string } }).error.code).toBe('consumer_locked');

    const link = await invite('ana.admin@example.com', 'administrator', 'Ana Admin');
    expect(link.startsWith(`${server.url}/kancelarija/#poziv=`)).toBe(true);
    // The command also mailed it (the dev mailbox).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await virtualAuthenticator(page);
    let step = 0;
    const look = async (name: string, width: number) => {
      expect(await axe(page, 'html'), name).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `${SHOTS}/${String(++step).padStart(2, '0')}-${width}-${name}.png`,
        fullPage: true,
      });
    };
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    await page.goto(link);
    await page.getByRole('heading', { name: 'Dobro došli' }).waitFor();
    // The token left the address bar once read.
    expect(page.url()).toBe(`${server.url}/kancelarija/`);
    await look('invitation', 1280);
    await button('Napravite pristupni ključ').click();
    await page.getByText('Ana Admin · administrator').waitFor();

    await page.getByLabel('Pretraga potrošača').fill('104521');
    await button('Pretražite').click();
    await page.getByRole('heading', { name: '104521 · Milica Jovanović' }).waitFor();
    await expect.poll(() => page.locator('#jpo-pin').locator('..').textContent()).toContain('Zaključan do');
    await look('card-locked', 1280);

    await button('Otključajte PIN').click();
    await page.getByLabel('Razlog otključavanja').fill('Potrošač je zvao šalter, identitet proveren licnom kartom.');
    await button('Otključajte').click();
    await page.getByText('PIN je otključan.').waitFor();
    await expect.poll(() => page.locator('#jpo-pin').locator('..').textContent()).toContain('Nije zaključan');
    // The resident's registration now goes through.
    expect((await register('4821')).status).toBe(202);
    const confirmLink = await mailLink(server.url, 'potvrda', 'milica.office@example.com');

    await page.setViewportSize({ width: 768, height: 1024 });
    await button('Potrošači').click();
    await page.getByLabel('Pretraga potrošača').fill('104521');
    await button('Pretražite').click();
    await page.getByText('Čeka potvrdu od', { exact: false }).waitFor();
    await look('card-pending', 768);
    await page.setViewportSize({ width: 1280, height: 900 });

    await button('Štampa').click();
    await page.getByLabel('Obračunski period').fill('2026-11');
    await button('Prikažite').click();
    await page.getByRole('heading', { name: 'Period 2026-11' }).waitFor();
    await look('print', 1280);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Preuzmite spisak za štampu (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsifra_potrosaca;ime_prezime;adresa;dostava;razlog;od');
    expect(csv).toContain('104521;Milica Jovanović;');
    expect(csv).toMatch(/104521;[^\r\n]*;papir;unconfirmed;/);

    await button('Dnevnik').click();
    await page.getByRole('cell', { name: 'PIN otključan' }).waitFor();
    // Who, why, on which consumer: the unlock's row.
    const row = page.getByRole('row').filter({ hasText: 'PIN otključan' });
    await expect.poll(() => row.textContent()).toContain('Ana Admin');
    expect(await row.textContent()).toContain('104521');
    expect(await row.textContent()).toContain('identitet proveren');
    await look('audit', 1280);
    await page.setViewportSize({ width: 768, height: 1024 });
    await look('audit', 768);

    // Logged out, the console asks for the passkey; the one just made logs in again.
    await button('Odjavite se').click();
    await page.getByRole('heading', { name: 'Prijavite se pristupnim ključem' }).waitFor();
    await look('login', 768);
    await button('Prijavite se').click();
    await page.getByText('Ana Admin · administrator').waitFor();

    // The log's filters: the unlock alone, by action and consumer.
    await page.setViewportSize({ width: 1280, height: 900 });
    await button('Dnevnik').click();
    await page.getByLabel('Radnja').selectOption('consumer.pin_unlocked');
    await page.getByLabel('Šifra potrošača').fill('104521');
    await button('Primenite filtere').click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Preuzmite dnevnik (CSV)' }).getAttribute('href')).toBe(
      '/api/staff/audit?action=consumer.pin_unlocked&consumer=104521&format=csv',
    );

    // The resident confirms: their December bill goes by e-mail, the rest on paper.
    const confirmed = await api('/api/confirm', { token: confirmLink.split('#potvrda=')[1] });
    expect(confirmed.ok).toBe(true);

    // Uvoz: a bills file with one bad amount — the line and column shown, nothing to confirm.
    await button('Uvoz').click();
    const file = page.getByLabel('Datoteka (CSV iz sistema za obračun)');
    await file.setInputFiles({ name: 'racuni-2026-12.csv', mimeType: 'text/csv', buffer: decemberBills(true) });
    await button('Pregledajte datoteku').click();
    await page.getByRole('cell', { name: 'Red 4, kolona iznos' }).waitFor();
    expect(await button('Potvrdite uvoz').count()).toBe(0);
    await look('import-errors', 1280);
    // The fixed file: all five bills are new (the bad file wrote nothing).
    await file.setInputFiles({ name: 'racuni-2026-12.csv', mimeType: 'text/csv', buffer: decemberBills(false) });
    await button('Pregledajte datoteku').click();
    await button('Potvrdite uvoz').waitFor();
    const figure = async (name: string) =>
      (
        await page
          .locator('.jpo-figures > div')
          .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) })
          .locator('dd')
          .textContent()
      )?.trim();
    expect(await figure('Novih')).toBe('5');
    expect(await figure('Periodi')).toBe('2026-12');
    await button('Potvrdite uvoz').click();
    await page
      .getByText('Uvoz je izvršen: novih 5, izmenjenih 0; računa poslatih u red za slanje e-poštom: 1.')
      .waitFor();
    // The run of 2026-12, watched until done.
    await page.getByText('Slanje za 2026-12 je završeno.').waitFor({ timeout: 30_000 });
    expect(await figure('Računa u periodu')).toBe('5');
    expect(await figure('Poslato')).toBe('1');
    expect(await figure('Neuspelo')).toBe('0');
    expect(await figure('Na papiru')).toBe('4');
    await look('import-run', 1280);
    await page.setViewportSize({ width: 768, height: 1024 });
    await look('import-run', 768);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The print list of that period says the same: four on paper, one by e-mail.
    await button('Štampa').click();
    await page.getByLabel('Obračunski period').fill('2026-12');
    await button('Prikažite').click();
    await page.getByRole('heading', { name: 'Period 2026-12' }).waitFor();
    expect(await page.locator('.jpo-counts').textContent()).toContain('Papir: 4');
    expect(await page.locator('.jpo-counts').textContent()).toContain('E-mail: 1');

    // Pregled and Zaposleni.
    await button('Pregled').click();
    await page.getByRole('img', { name: 'Registracije po nedeljama (poslednjih 12)' }).waitFor();
    expect(await page.locator('dt', { hasText: 'Registrovani potrošači' }).locator('..').textContent()).toContain(
      '1 od',
    );
    await look('overview', 1280);
    await page.setViewportSize({ width: 768, height: 1024 });
    await look('overview', 768);
    await button('Zaposleni').click();
    await page.getByRole('cell', { name: 'ana.admin@example.com' }).waitFor();
    await look('staff', 768);
    await page.setViewportSize({ width: 1280, height: 900 });
    await look('staff', 1280);
    expect(errors).toEqual([]);
    await context.close();
  });
});
