// What the account area opens with: each consumer's 12 months of bills, the unpaid ones and how
// to pay them (per the utility's rule), the devices in words, and the export's summary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, confirmedAccount, ROOT, GOOD_PASSWORD, type Harness } from '../../harness.ts';
import { parseBillsCsv, upsertBills } from '../../../../worker/src/bills/import.ts';
import { randomId } from '../../../../worker/src/auth/crypto.ts';
import jsQR from 'jsqr';
import { decode as decodePng } from 'fast-png';
import { ipsQrProblems, isValidModel97, model97CheckDigits } from '../../../../worker/src/bills/ips-qr.ts';

let h: Harness;
let cookie: string | undefined;

/** Bills for 104521: the demo's (three months), and these months besides. */
async function loadBills(extra: { period: string; paid: boolean }[] = []) {
  const lines = extra.map((x) => {
    const base = `104521${x.period.replace('-', '')}`;
    const paid = x.paid ? `${x.period}-10` : '';
    return `104521,${x.period},${x.period}-05,${x.period}-20,"1800,00","${x.paid ? '0,00' : '1800,00'}",160-0000001234567-29,${model97CheckDigits(base)}${base},"Održavanje zgrade=1800,00",${paid}`;
  });
  const csv = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8').trimEnd();
  const parsed = parseBillsCsv([csv, ...lines].join('\n'), '^[0-9]{4,10}$');
  expect(parsed.errors).toEqual([]);
  await upsertBills(h.deps.db, parsed.rows, h.clock.now, () => randomId(h.deps.randomBytes));
}

beforeEach(async () => {
  h = await makeHarness();
  cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
});
afterEach(async () => {
  h.deps.config.utility.payment.totalPayment = 'perBill';
  await h.close();
});

const consumers = async () => (await h.call('GET', '/api/account/consumers', undefined, { cookie })).body.consumers;

describe('the consumers overview', () => {
  it('holds the last 12 months of bills, oldest first, and the unpaid ones with their sum', async () => {
    await loadBills();
    const [c] = await consumers();
    expect(c.history.map((b: any) => [b.period, b.amount, b.paid])).toEqual([
      ['2026-09', 1830, true],
      ['2026-10', 1845, true],
      ['2026-11', 1860, false],
    ]);
    expect(c.unpaid.map((b: any) => b.period)).toEqual(['2026-11']);
    expect(c.unpaidTotal).toBe(1860);
    expect(c.payRule).toBe('perBill');
    expect(c.total).toBe(null);
  });

  it('a code without bills has an empty history', async () => {
    const [c] = await consumers();
    expect(c).toMatchObject({ code: '104521', history: [], unpaid: [], unpaidTotal: 0, total: null });
  });
});

describe('paying several unpaid bills', () => {
  // 14 months: 2025-10 … 2026-11; 2026-07 and 2026-08 unpaid besides the demo's 2026-11.
  const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const extra = [
    ...months.map((period) => ({ period, paid: true })),
    { period: '2026-07', paid: false },
    { period: '2026-08', paid: false },
  ];

  it('the chart gets 12 months, the unpaid list every unpaid bill with the sum; one payment per bill by default', async () => {
    await loadBills(extra);
    const [c] = await consumers();
    expect(c.history).toHaveLength(12);
    expect(c.history[0].period).toBe('2025-12');
    expect(c.history[11].period).toBe('2026-11');
    expect(c.unpaid.map((b: any) => b.period)).toEqual(['2026-07', '2026-08', '2026-11']);
    expect(c.unpaidTotal).toBe(1800 + 1800 + 1860);
    expect(c.payRule).toBe('perBill');
    expect(c.total).toBe(null);
  });

  it("where the utility takes one payment: the sum with the consumer's own reference and a valid IPS QR", async () => {
    h.deps.config.utility.payment.totalPayment = 'total';
    await loadBills(extra);
    const [c] = await consumers();
    expect(c.payRule).toBe('total');
    expect(c.total.slip).toMatchObject({
      amount: 5460,
      model: '97',
      account: '160-0000001234567-29',
      purpose: 'Računi, šifra potrošača 104521',
    });
    expect(c.total.slip.reference).toMatch(/^\d{2}104521$/);
    expect(isValidModel97(c.total.slip.reference)).toBe(true);
    expect(ipsQrProblems(c.total.ipsQr)).toEqual([]);
    expect(c.total.ipsQr).toContain('|I:RSD5460,00|');
  });

  it("the total's QR code as a PNG to save: the same payment; none under the per-bill rule or for another code", async () => {
    await loadBills(extra);
    const png = (code = '104521') =>
      h.app.request(`/api/account/consumers/${code}/qr.png`, { headers: { cookie: cookie! } });
    expect((await png()).status).toBe(404);
    h.deps.config.utility.payment.totalPayment = 'total';
    const res = await png();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const img = decodePng(new Uint8Array(await res.arrayBuffer()));
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    for (let i = 0; i < img.width * img.height; i++) rgba.set([img.data[i], img.data[i], img.data[i], 255], i * 4);
    const [c] = await consumers();
    expect(jsQR(rgba, img.width, img.height)?.data).toBe(c.total.ipsQr);
    expect((await png('104522')).status).toBe(404);
  });

  it('one unpaid bill needs no total slip even where the utility takes one', async () => {
    h.deps.config.utility.payment.totalPayment = 'total';
    await loadBills();
    const [c] = await consumers();
    expect(c.total).toBe(null);
  });
});

describe('devices', () => {
  it('names the browser and system of each session', async () => {
    const phone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    await h.call(
      'POST',
      '/api/login',
      { email: 'milica@example.com', password: GOOD_PASSWORD },
      { headers: { 'user-agent': phone } },
    );
    const { sessions } = (await h.call('GET', '/api/account/sessions', undefined, { cookie })).body;
    expect(sessions.find((s: any) => s.userAgent === phone).device).toEqual({ browser: 'Safari', system: 'iphone' });
    expect(sessions.find((s: any) => s.current).device).toEqual({ browser: null, system: null });
  });
});

describe('the export', () => {
  it('opens with a summary and writes every time as an ISO date', async () => {
    await loadBills();
    const r = await h.call('GET', '/api/account/export', undefined, { cookie });
    expect(Object.keys(r.body)[0]).toBe('summary');
    expect(r.body.summary).toEqual({
      controller: 'JP Stambeno Ruma',
      exportedAt: new Date(h.clock.now).toISOString(),
      name: 'Milica Jovanović',
      email: 'milica@example.com',
      consumerCodes: ['104521'],
      sessions: 1,
      consents: 1,
      bills: 3,
      passkeys: 0,
    });
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    expect(r.body.account.createdAt).toMatch(iso);
    expect(r.body.consents[0].acceptedAt).toMatch(iso);
    expect(r.body.sessions[0].createdAt).toMatch(iso);
    expect(r.body.sessions[0].lastSeenAt).toMatch(iso);
    // No time as milliseconds anywhere in the file.
    expect(JSON.stringify(r.body)).not.toMatch(/:\s*1\d{12}\b/);
  });
});
