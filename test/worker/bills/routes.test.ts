import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, confirmedAccount, ROOT, type Harness } from '../harness.ts';
import { parseBillsCsv, upsertBills } from '../../../worker/src/bills/import.ts';
import { randomId } from '../../../worker/src/auth/crypto.ts';
import jsQR from 'jsqr';
import { decode as decodePng } from 'fast-png';

let h: Harness;
let milica: string | undefined;
let dragan: string | undefined;

beforeEach(async () => {
  h = await makeHarness();
  const parsed = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), '^[0-9]{4,10}$');
  await upsertBills(h.deps.db, parsed.rows, h.clock.now, () => randomId(h.deps.randomBytes));
  milica = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
  const d = await confirmedAccount(h, {
    name: 'Dragan Petrović',
    email: 'dragan@example.com',
    consumerCode: '104522',
    pin: '7390',
  });
  dragan = (await h.call('POST', '/api/login', d)).cookie;
});
afterEach(async () => {
  await h.close();
});

describe('bills', () => {
  it("lists the resident's bills, newest first", async () => {
    const r = await h.call('GET', '/api/bills', undefined, { cookie: milica });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect(r.body.bills.map((b: any) => [b.period, b.amount, b.paid])).toEqual([
      ['2026-11', 1860, false],
      ['2026-10', 1845, true],
      ['2026-09', 1830, true],
    ]);
  });

  it('shows a bill with its payment slip and a valid IPS QR payload', async () => {
    const list = await h.call('GET', '/api/bills', undefined, { cookie: milica });
    const r = await h.call('GET', `/api/bills/${list.body.bills[0].id}`, undefined, { cookie: milica });
    expect(r.status).toBe(200);
    const b = r.body.bill;
    expect(b.items).toEqual([
      { description: 'Održavanje zgrade', amount: 1100 },
      { description: 'Čišćenje zajedničkih prostorija', amount: 450 },
      { description: 'Odnošenje smeća', amount: 310 },
    ]);
    expect(b.slip).toMatchObject({
      account: '160-0000001234567-29',
      model: '97',
      reference: '26104521202611',
      paymentCode: '189',
      amount: 1860,
    });
    expect(b.ipsQr).toBe(
      'K:PR|V:01|C:1|R:160000000123456729|N:JP Stambeno Ruma\r\nRuma|I:RSD1860,00|P:Milica Jovanović\r\nGlavna 12, 22400 Ruma|SF:189|S:Račun za novembar 2026.|RO:9726104521202611',
    );
    expect(b.qrSvg).toMatch(/^<svg [^>]*viewBox/);
  });

  it('gives the IPS QR code as a PNG to save, the same payment as the slip', async () => {
    const list = await h.call('GET', '/api/bills', undefined, { cookie: milica });
    const id = list.body.bills[0].id;
    const res = await h.app.request(`/api/bills/${id}/qr.png`, { headers: { cookie: milica! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ips-qr-104521-2026-11.png"');
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    const rgba = new Uint8ClampedArray(png.width * png.height * 4);
    for (let i = 0; i < png.width * png.height; i++) rgba.set([png.data[i], png.data[i], png.data[i], 255], i * 4);
    const detail = await h.call('GET', `/api/bills/${id}`, undefined, { cookie: milica });
    expect(jsQR(rgba, png.width, png.height)?.data).toBe(detail.body.bill.ipsQr);
    // Another resident's bill's QR is as unknown as a bill that does not exist.
    expect((await h.call('GET', `/api/bills/${id}/qr.png`, undefined, { cookie: dragan })).status).toBe(404);
    expect((await h.call('GET', `/api/bills/${id}/qr.png`)).status).toBe(401);
  });

  it("never shows another resident's bills: 404 whether the id exists or not", async () => {
    const theirs = await h.call('GET', '/api/bills', undefined, { cookie: dragan });
    const id = theirs.body.bills[0].id;
    expect((await h.call('GET', `/api/bills/${id}`, undefined, { cookie: dragan })).status).toBe(200);
    const mine = await h.call('GET', `/api/bills/${id}`, undefined, { cookie: milica });
    const none = await h.call('GET', `/api/bills/${'0'.repeat(32)}`, undefined, { cookie: milica });
    expect(mine.status).toBe(404);
    expect(mine.body).toEqual(none.body);
    expect((await h.call('GET', '/api/bills?consumer=104522', undefined, { cookie: milica })).status).toBe(404);
  });

  it('requires a session', async () => {
    expect((await h.call('GET', '/api/bills')).status).toBe(401);
  });

  it('rejects bad query strings with a field code', async () => {
    expect((await h.call('GET', '/api/bills?page=0', undefined, { cookie: milica })).status).toBe(422);
    expect((await h.call('GET', '/api/bills?page=abc', undefined, { cookie: milica })).status).toBe(422);
  });
});
