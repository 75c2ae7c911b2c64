// Amounts out of the safe range are row errors with their line, in every amount column (iznos, dug,
// stavke); the largest amount taken is shown, paid by IPS QR and exported without a 5xx.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmedAccount, makeHarness, snapshot, type Harness } from '../harness.ts';
import { model97CheckDigits } from '../../../worker/src/bills/ips-qr.ts';
import { MAX_AMOUNT, parseAmount } from '../../../worker/src/bills/import.ts';

/** A snapshot without the audit log (where the billing system's call itself is written). */
const withoutAudit = (snap: string) => JSON.stringify({ ...JSON.parse(snap), audit_log: undefined });

let h: Harness;
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
beforeEach(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await h.close();
});

const HEADER = 'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke';
const reference = (code: string, period: string) => {
  const base = `${code}${period.replace('-', '')}`;
  return `${model97CheckDigits(base)}${base}`;
};
const bill = (period: string, amount: string, balance: string, items = '', code = '104521') =>
  `${code},${period},2026-12-05,2026-12-20,"${amount}","${balance}",160-0000001234567-29,${reference(code, period)},"${items}"`;
const push = (body: string) =>
  h.call('POST', '/api/admin/bills', undefined, {
    raw: body,
    ip: '192.0.2.40',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
  });

describe('amounts in a bills import', () => {
  it('are at most 999.999.999,99 RSD, an exact integer of para', () => {
    expect(MAX_AMOUNT).toBe(99_999_999_999);
    expect(parseAmount('999.999.999,99')).toBe(99_999_999_999);
    expect(parseAmount('-999999999.99')).toBe(-99_999_999_999);
    // Read digit by digit: no float rounding on the way to para.
    expect(parseAmount('1.000.000.000,00')).toBe(100_000_000_000);
    expect(parseAmount('0,29')).toBe(29);
    expect(parseAmount('1,005')).toBeNull();
  });

  it('refuses an amount out of range as a row error with its line, in every amount column, writing nothing', async () => {
    const before = await snapshot(h);
    const r = await push(
      [
        HEADER,
        bill('2026-01', '99999999999999,99', '0'),
        bill('2026-02', '1.000.000.000,00', '0'),
        bill('2026-03', '100,00', '99999999999999,99'),
        bill('2026-04', '100,00', '-1000000000'),
        bill('2026-05', '100,00', '0', 'Voda=99999999999999,99'),
        bill('2026-06', '100,00', '0', 'Voda=50,00;Popust=-1.000.000.000,00'),
        bill('2026-07', '1e3', '0'),
      ].join('\n'),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 0, created: 0 });
    expect(r.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const reasons = r.body.errors.map((e: { reason: string }) => e.reason);
    for (const reason of reasons.slice(0, 6)) expect(reason).toMatch(/out of range.*999\.999\.999,99/);
    expect(reasons.slice(0, 2).every((x: string) => x.startsWith('iznos'))).toBe(true);
    expect(reasons.slice(2, 4).every((x: string) => x.startsWith('dug'))).toBe(true);
    expect(reasons.slice(4, 6).every((x: string) => x.startsWith('stavke'))).toBe(true);
    expect(reasons[6]).toBe('invalid amount');
    // Nothing written but the billing system's call in the audit log, saying that nothing was imported.
    const audit = (await h.deps.db.$client.execute('SELECT action, detail FROM audit_log')).rows;
    expect(audit.map((a) => [a.action, JSON.parse(String(a.detail))])).toEqual([
      ['admin.bills_imported', expect.objectContaining({ imported: 0, errors: 7 })],
    ]);
    expect(withoutAudit(await snapshot(h))).toBe(withoutAudit(before));
  });

  it('takes the largest amount, and the resident sees it, pays it by IPS QR and exports it', async () => {
    const r = await push(
      [HEADER, bill('2026-11', '999.999.999,99', '-999.999.999,99', 'Voda=999.999.999,99;Popust=-999.999.999,99')].join(
        '\n',
      ),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 1, errors: [] });
    const cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
    const list = await h.call('GET', '/api/bills', undefined, { cookie });
    expect(list.status).toBe(200);
    expect(list.body.bills[0].amount).toBe(999_999_999.99);
    const one = await h.call('GET', `/api/bills/${list.body.bills[0].id}`, undefined, { cookie });
    expect(one.status).toBe(200);
    expect(one.body.bill.ipsQr).toContain('|I:RSD999999999,99|');
    for (const path of ['/api/account/consumers', '/api/account/export'])
      expect((await h.call('GET', path, undefined, { cookie })).status).toBe(200);
  });
});
