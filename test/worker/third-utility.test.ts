// The third utility (test/third-utility/utility.json): codes like T-2024/0815 upper-cased with their
// spaces dropped as typed (`consumerCode.upperCase`, `spaces: remove`), 8-digit PINs typed in
// groups. Registration, linking a further code, the office's search and card, the total's QR by
// its encoded code, the billing system's imports and its bill PDFs all arrive at the one stored form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { makeHarness, GOOD_PASSWORD, ROOT, type Harness } from './harness.ts';
import { readUtilityConfig } from '../../worker/node/utility-file.ts';
import { seedDemoBills, seedDemoConsumers } from '../../worker/node/seed.ts';
import { ingestConsumers } from '../../worker/src/consumers/ingest.ts';
import { ingestBills } from '../../worker/src/bills/ingest.ts';
import { softAuthenticator } from '../support/soft-authenticator.ts';
import { staffCall, staffMember } from './staff/steps.ts';

const DIR = resolve(ROOT, 'test/third-utility');
const third = readUtilityConfig({ UTILITY_CONFIG: resolve(DIR, 'utility.json') });
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ utility: third, seed: false, env: { ADMIN_TOKEN: TOKEN } });
  await seedDemoConsumers(h.deps, resolve(DIR, 'consumers.csv'));
  await seedDemoBills(h.deps, resolve(DIR, 'bills.csv'));
});
afterEach(async () => {
  await h.close();
});

const email = 'jelena@example.com';
async function registered() {
  const r = await h.call('POST', '/api/register', {
    name: 'Jelena Marković',
    email,
    password: GOOD_PASSWORD,
    consumerCode: ' t-2024/ 0815 ',
    pin: '9023 3871',
    acceptTerms: true,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  expect((await h.call('POST', '/api/confirm', { token: await h.linkFrom('confirm', email) })).status).toBe(200);
  const login = await h.call('POST', '/api/login', { email, password: GOOD_PASSWORD });
  expect(login.status).toBe(200);
  return login.cookie!;
}

describe('the third utility: codes and PINs as residents type them', () => {
  it('registers with a lower-case code with spaces and a PIN in two groups: the account has the printed code', async () => {
    const cookie = await registered();
    const list = await h.call('GET', '/api/account/consumers', undefined, { cookie });
    expect(list.body.consumers.map((c: { code: string }) => c.code)).toEqual(['T-2024/0815']);
    expect(list.body.consumers[0].total.slip).toMatchObject({ purpose: 'Grejanje, dug za T-2024/0815' });
  });

  it('links a further code typed the same way, and refuses it again as already linked', async () => {
    const cookie = await registered();
    const link = { consumerCode: 't-2023 /0042', pin: '6612 0458' };
    expect((await h.call('POST', '/api/account/consumers/link', link, { cookie })).status).toBe(201);
    const again = await h.call(
      'POST',
      '/api/account/consumers/link',
      { ...link, consumerCode: 'T-2023/0042' },
      { cookie },
    );
    expect(again.body.error.code).toBe('consumer_already_linked');
    const list = await h.call('GET', '/api/account/consumers', undefined, { cookie });
    expect(list.body.consumers.map((c: { code: string }) => c.code).sort()).toEqual(['T-2023/0042', 'T-2024/0815']);
  });

  it("gives the total's QR code at the code's encoded address, under a file name without the slash", async () => {
    const cookie = await registered();
    const res = await h.app.request(`/api/account/consumers/${encodeURIComponent('T-2024/0815')}/qr.png`, {
      headers: { cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ips-qr-T-2024-0815-ukupno.png"');
    const typed = await h.app.request(`/api/account/consumers/${encodeURIComponent('t-2024/0815')}/qr.png`, {
      headers: { cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(typed.status).toBe(200);
    const other = await h.app.request(`/api/account/consumers/${encodeURIComponent('T-2024/0816')}/qr.png`, {
      headers: { cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(other.status).toBe(404);
  });

  it('finds a code in the office as a clerk types it from the bill, opens its card at the encoded address, filters the log by it', async () => {
    const clerk = (await staffMember(h, softAuthenticator(), 'salter@toplana.rs', 'salter')).cookie;
    const q = encodeURIComponent('t-2024/ 0815');
    const found = await staffCall(h, 'GET', `/api/staff/consumers?q=${q}`, undefined, clerk);
    expect(found.body.consumers.map((c: { code: string }) => c.code)).toEqual(['T-2024/0815']);
    const prefix = await staffCall(
      h,
      'GET',
      `/api/staff/consumers?q=${encodeURIComponent('t-2024 /')}`,
      undefined,
      clerk,
    );
    expect(prefix.body.consumers.map((c: { code: string }) => c.code)).toEqual(['T-2024/0815', 'T-2024/0816']);
    for (const typed of ['T-2024/0815', 't-2024/0815']) {
      const card = await staffCall(h, 'GET', `/api/staff/consumers/${encodeURIComponent(typed)}`, undefined, clerk);
      expect(card.status).toBe(200);
      expect(card.body.consumer).toMatchObject({ code: 'T-2024/0815', name: 'Jelena Marković' });
      expect(card.body.consumer.bills).toHaveLength(2);
    }
    // The audit log filtered by the code as typed.
    const admin = (await staffMember(h, softAuthenticator(), 'admin@toplana.rs', 'administrator')).cookie;
    const log = await staffCall(
      h,
      'GET',
      `/api/staff/audit?consumer=${encodeURIComponent(' t-2024/ 0815')}`,
      undefined,
      admin,
    );
    expect(log.body.entries.map((e: { action: string; consumerCode: string }) => [e.action, e.consumerCode])).toEqual([
      ['consumer.viewed', 'T-2024/0815'],
      ['consumer.viewed', 'T-2024/0815'],
    ]);
  });

  it("stores the billing system's codes and PINs in the same form, whatever case and spaces its file has", async () => {
    const consumers = await ingestConsumers(
      h.deps,
      'sifra_potrosaca,pin,ime_prezime,adresa\nt-2025/ 0001,1234 5678,Petar Petrović,"Toplanska 9, 21999 Toplice"\n',
    );
    expect(consumers).toEqual({ imported: 1, errors: [] });
    const bills = await ingestBills(
      h.deps,
      'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj\n' +
        't-2025/0001,2026-11,2026-12-02,2026-12-20,"100,00","100,00",325-0009300000042-93,0420250001202611\n',
    );
    expect(bills.errors.map((e) => e.reason)).toEqual([]);
    const rows = await h.deps.db.$client.execute(
      "SELECT c.code, b.period FROM consumers c JOIN bills b ON b.consumer_code = c.code WHERE c.name = 'Petar Petrović'",
    );
    expect(rows.rows.map((r) => [r.code, r.period])).toEqual([['T-2025/0001', '2026-11']]);
    const r = await h.call('POST', '/api/register', {
      name: 'Petar Petrović',
      email: 'petar@example.com',
      password: GOOD_PASSWORD,
      consumerCode: 'T-2025/0001',
      pin: '12345678',
      acceptTerms: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
  });

  it("keeps the billing system's own PDF of a code it wrote in lower case, under the code encoded", async () => {
    const own = new TextEncoder().encode('%PDF-1.4\n% from the billing system\n%%EOF\n');
    const up = await h.call(
      'POST',
      `/api/admin/bills/pdf?code=${encodeURIComponent('t-2024/0815')}&period=2026-11`,
      undefined,
      {
        raw: own as unknown as string,
        headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
      },
    );
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const key = await h.deps.db.$client.execute({
      sql: 'SELECT pdf_key FROM bills WHERE id = ?',
      args: [up.body.billId],
    });
    expect(key.rows[0].pdf_key).toBe('bills/T-2024%2F0815/2026-11.pdf');
    const cookie = await registered();
    const pdf = await h.app.request(`/api/bills/${up.body.billId}/pdf`, {
      headers: { cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(pdf.status).toBe(200);
    expect(await pdf.text()).toContain('from the billing system');
    expect(pdf.headers.get('content-disposition')).toContain('racun-T-2024-0815-2026-11.pdf');
  });
});
