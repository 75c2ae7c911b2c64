// Hostile stored values reach the widgets as text, never as markup: a resident's name, the
// billing system's consumer name, address and bill items, and the browser's own User-Agent
// (read for the list of devices) all carry HTML and script; in real Chromium on the demo page
// none of it runs or becomes an element, and each is shown literally (the User-Agent only as words).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { model97CheckDigits } from '../../worker/src/bills/ips-qr.ts';
import { ADMIN_TOKEN, PASSWORD, api, linkToken, startRig, waitFor, type Rig } from './portal.ts';

const EVIL = {
  name: '<img src=x onerror="window.__xss=1">Ana',
  consumer: '"><svg onload="window.__xss=2"></svg>',
  address: '<script>window.__xss=3</script>Glavna 1',
  item: '<iframe src="javascript:window.__xss=4"></iframe>Voda',
  agent: 'Mozilla/5.0 <img src=y onerror="window.__xss=5">',
};
const CODE = '7700001';
const PIN = '5150';
const EMAIL = 'ana.xss@example.com';

let rig: Rig;
let browser: Browser;
beforeAll(async () => {
  rig = await startRig();
  const csv = (path: string, body: string) =>
    fetch(`${rig.server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      body,
    });
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  expect(
    (
      await csv(
        '/api/admin/consumers',
        `sifra_potrosaca,pin,ime_prezime,adresa\n${CODE},${PIN},${quote(EVIL.consumer)},${quote(EVIL.address)}`,
      )
    ).status,
  ).toBe(200);
  const bill = `${CODE},2026-11,2026-12-05,2026-12-20,"1000,00","0,00",160-0000001234567-29,${model97CheckDigits(`${CODE}202611`)}${CODE}202611,${quote(`${EVIL.item}=1000,00`)},`;
  const res = await csv(
    '/api/admin/bills',
    `sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke,placeno\n${bill}`,
  );
  expect(await res.json()).toMatchObject({ imported: 1, errors: [] });
  const reg = await api(rig.server.url, 'POST', '/api/register', {
    name: EVIL.name,
    email: EMAIL,
    password: PASSWORD,
    consumerCode: CODE,
    pin: PIN,
    acceptTerms: true,
  });
  expect(reg.status, reg.text).toBe(202);
  const token = await waitFor('the confirmation mail', async () =>
    rig.mail.accepted.map((m) => m.to === EMAIL && linkToken(m.text, 'confirm')).find(Boolean),
  );
  expect((await api(rig.server.url, 'POST', '/api/confirm', { token })).status).toBe(200);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

it('renders stored HTML and script as text in the widgets', async () => {
  const context = await browser.newContext({ userAgent: EVIL.agent });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(rig.server.url + '/');
  await page.getByLabel('E-mail adresa', { exact: true }).fill(EMAIL);
  await page.getByLabel('Lozinka', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Ulogujte se' }).click();
  await page.getByRole('button', { name: 'Odjavite se' }).waitFor();
  await page.getByRole('button', { name: 'Računi', exact: true }).click();
  await page.getByRole('button', { name: 'Račun za novembar 2026.' }).click();
  await page.getByRole('cell', { name: EVIL.item }).waitFor();
  // The devices are named in words from the User-Agent: the hostile one is read, never shown.
  await page.getByRole('button', { name: 'Podešavanja', exact: true }).click();
  await page.getByRole('heading', { name: 'Uređaji na kojima ste prijavljeni' }).waitFor();

  const seen = await page.evaluate(() => {
    const portal = document.querySelector('jp-portal')!;
    return {
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
      markup: portal.querySelectorAll('img, iframe, script, svg[onload], [onerror], [onload]').length,
      text: portal.textContent ?? '',
    };
  });
  expect(seen.xss).toBeNull();
  expect(dialogs).toEqual([]);
  expect(seen.markup).toBe(0);
  const { agent, ...shown } = EVIL;
  for (const value of Object.values(shown)) expect(seen.text).toContain(value);
  expect(seen.text).not.toContain(agent);
  console.log(
    `xss: ${Object.keys(EVIL).length} hostile stored values (name, consumer, address, bill item, user agent) shown as text; none ran`,
  );
  await context.close();
}, 60_000);
