// One amount to pay: a bill's "Za uplatu ovom uplatnicom" is its slip's and its IPS QR code's
// amount in the API, the PDF and the mail, whatever the billing file's `dug` says; older unpaid
// bills are a line of their own; the overview's debt is the bills page's unpaid total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeHarness, confirmedAccount, ROOT, type Harness } from '../harness.ts';
import { parseBillsCsv, upsertBills } from '../../../worker/src/bills/import.ts';
import { randomId } from '../../../worker/src/auth/crypto.ts';
import { model97CheckDigits } from '../../../worker/src/bills/ips-qr.ts';
import { billLayout, pdfIssuer } from '../../../worker/src/bills/pdf/bill.ts';
import { renderBillMail } from '../../../worker/src/bills/bill-mail-content.ts';
import { formatMoney } from '../../../contract/format.ts';
import type { BillDetail, BillSummary, ConsumerSummary } from '../../../contract/responses.ts';
import type { Locale } from '../../../contract/locales.ts';

let h: Harness;
let cookie: string | undefined;
const NIKOLA = { name: 'Nikola Đorđević', address: 'Veljka Dugoševića 41, 22400 Ruma' };

beforeAll(async () => {
  h = await makeHarness();
  const a = await confirmedAccount(h, {
    name: 'Nikola Đorđević',
    email: 'nikola@example.com',
    consumerCode: '104524',
    pin: '5502',
  });
  cookie = (await h.call('POST', '/api/login', a)).cookie;
});
afterAll(async () => {
  await h.close();
});

const get = async (path: string) => {
  const r = await h.call('GET', path, undefined, { cookie });
  expect(r.status).toBe(200);
  return r.body;
};

async function replaceBills(csv: string) {
  await h.deps.db.$client.execute(
    "DELETE FROM bill_mails WHERE bill_id IN (SELECT id FROM bills WHERE consumer_code = '104524')",
  );
  await h.deps.db.$client.execute("DELETE FROM bills WHERE consumer_code = '104524'");
  const parsed = parseBillsCsv(csv, '^[0-9]{4,10}$');
  expect(parsed.errors).toEqual([]);
  await upsertBills(h.deps.db, parsed.rows, h.clock.now, () => randomId(h.deps.randomBytes));
}

/** The IPS QR's amount: "I:RSD1986,00" → 1986. */
const qrAmount = (qr: string) => Number(/\|I:RSD(\d+),(\d{2})\|/.exec(qr)!.slice(1).join('.'));

/** The PDF's words as drawn, in order (the text runs of its layout). */
async function pdfText(b: BillDetail, locale: Locale = 'sr-Latn') {
  const u = h.deps.config.utility;
  const { runs } = billLayout(
    await h.deps.fonts(),
    { ...b, utility: u.name, issuer: pdfIssuer(u), consumer: { code: b.consumerCode, ...NIKOLA }, today: '2026-12-07' },
    locale,
  );
  return runs.map((r) => r.text);
}

async function mailText(b: BillDetail, locale: Locale = 'sr-Latn') {
  const [row] = await h.deps.db.$client
    .execute({ sql: 'SELECT * FROM bills WHERE id = ?', args: [b.id] })
    .then((r) => r.rows);
  const bill = {
    id: String(row.id),
    consumerCode: String(row.consumer_code),
    period: String(row.period),
    issueDate: String(row.issue_date),
    dueDate: String(row.due_date),
    amount: Number(row.amount),
    balance: Number(row.balance),
    payeeAccount: String(row.payee_account),
    reference: String(row.reference),
    items: String(row.items),
    paidAt: row.paid_at === null ? null : String(row.paid_at),
    pdfKey: null,
    createdAt: 0,
    updatedAt: 0,
  };
  const older = b.older.bills.map((o) => ({ ...o, amount: Math.round(o.amount * 100) }));
  return (await renderBillMail(h.deps, bill, { id: 'acc', name: 'Nikola Đorđević', locale }, NIKOLA, older)).text;
}

describe('the demo bill of 104524 for November', () => {
  it('has one amount to pay, and the unpaid October bill as a line of its own', async () => {
    await replaceBills(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
    const list: BillSummary[] = (await get('/api/bills')).bills;
    const nov = list.find((b) => b.period === '2026-11')!;
    const oct = list.find((b) => b.period === '2026-10')!;
    const b: BillDetail = (await get(`/api/bills/${nov.id}`)).bill;
    expect(b.balance).toBe(3957); // the file's `dug`, as it came
    expect([b.toPay, b.slip.amount, qrAmount(b.ipsQr)]).toEqual([1986, 1986, 1986]);
    expect(b.older).toEqual({
      bills: [{ id: oct.id, period: '2026-10', amount: 1971, dueDate: '2026-11-20' }],
      total: 1971,
    });

    const pdf = await pdfText(b);
    expect(pdf).toContain('Za uplatu ovom uplatnicom');
    expect(pdf[pdf.indexOf('Za uplatu ovom uplatnicom') + 1]).toBe('1.986,00 din.');
    expect(pdf).toContain('Dug iz ranijih računa (oktobar 2026.), plaća se njihovim uplatnicama');
    expect(pdf).not.toContain('3.957,00 din.');
    expect(pdf).not.toContain('Preostalo za uplatu');

    const mail = await mailText(b);
    expect(mail).toContain('Za uplatu ovom uplatnicom: 1.986,00 din.');
    expect(mail).toContain(
      'Imate još 1 neplaćen račun iz ranijih meseci (1.971,00 din.). Ova uplatnica plaća samo ovaj račun.',
    );
    expect(mail).toContain('Ukupno neplaćeno, sa ovim računom: 3.957,00 din.');
    expect(mail).toMatch(/Pogledajte neplaćene račune: http\S+#racuni/);
    const cyr = await mailText(b, 'sr-Cyrl');
    expect(cyr).toContain('Имате још 1 неплаћен рачун из ранијих месеци (1.971,00 дин.).');

    const [c]: ConsumerSummary[] = (await get('/api/account/consumers')).consumers;
    expect([c.balance, c.unpaidTotal]).toEqual([3957, 3957]);
  });

  it('the October bill names no older debt', async () => {
    await replaceBills(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
    const oct = ((await get('/api/bills')).bills as BillSummary[]).find((b) => b.period === '2026-10')!;
    const b: BillDetail = (await get(`/api/bills/${oct.id}`)).bill;
    expect(b.older).toEqual({ bills: [], total: 0 });
    expect((await pdfText(b)).some((t) => t.startsWith('Dug iz ranijih'))).toBe(false);
    expect(await mailText(b)).not.toContain('Imate još');
  });
});

describe('for any bills file', () => {
  const months = [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
  ];
  const para = fc.integer({ min: 1, max: 99_999_999_99 });
  const money = (p: number) => `"${Math.floor(p / 100)},${String(p % 100).padStart(2, '0')}"`;
  const bills = fc.uniqueArray(fc.constantFrom(...months), { minLength: 1, maxLength: 6 }).chain((periods) =>
    fc.tuple(
      ...periods.map((period) =>
        fc.record({
          period: fc.constant(period),
          amount: para,
          dug: fc.integer({ min: 0, max: 99_999_999_99 }),
          paid: fc.boolean(),
        }),
      ),
    ),
  );
  const csvOf = (rows: { period: string; amount: number; dug: number; paid: boolean }[]) =>
    [
      'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke,placeno',
      ...rows.map((r) => {
        const base = `104524${r.period.replace('-', '')}`;
        return `104524,${r.period},${r.period}-05,${r.period}-20,${money(r.amount)},${money(r.dug)},160-0000001234567-29,${model97CheckDigits(base)}${base},,${r.paid ? `${r.period}-10` : ''}`;
      }),
    ].join('\n');

  it('slip = QR = "za uplatu" (API, PDF, mail), and the overview\'s debt = the bills page\'s unpaid total', async () => {
    await fc.assert(
      fc.asyncProperty(bills, async (rows) => {
        await replaceBills(csvOf(rows));
        const list: BillSummary[] = (await get('/api/bills')).bills;
        const unpaid = list.filter((b) => !b.paid);
        const [c]: ConsumerSummary[] = (await get('/api/account/consumers')).consumers;
        const pageTotal = Math.round(unpaid.reduce((s, b) => s + Math.round(b.amount * 100), 0)) / 100;
        expect(c.balance).toBe(pageTotal);
        expect(c.unpaidTotal).toBe(pageTotal);
        for (const s of unpaid) {
          const b: BillDetail = (await get(`/api/bills/${s.id}`)).bill;
          expect(b.slip.amount).toBe(b.amount);
          expect(b.toPay).toBe(b.slip.amount);
          expect(qrAmount(b.ipsQr)).toBe(b.toPay);
          // Older debt: the unpaid bills of earlier periods, oldest first, summed in para.
          const older = unpaid.filter((o) => o.period < b.period).sort((x, y) => (x.period < y.period ? -1 : 1));
          expect(b.older.bills.map((o) => o.id)).toEqual(older.map((o) => o.id));
          expect(b.older.total).toBe(Math.round(older.reduce((sum, o) => sum + Math.round(o.amount * 100), 0)) / 100);
          const pdf = await pdfText(b);
          expect(pdf[pdf.indexOf('Za uplatu ovom uplatnicom') + 1]).toBe(formatMoney(b.toPay, 'sr-Latn'));
          expect(await mailText(b)).toContain(`Za uplatu ovom uplatnicom: ${formatMoney(b.toPay, 'sr-Latn')}\n`);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("the bill run's mails", () => {
  it('say when older bills are still unpaid, with the total and a link to them', async () => {
    const m = await makeHarness();
    try {
      await confirmedAccount(m, { email: 'nikola@example.com', consumerCode: '104524', pin: '5502' });
      const { ingestBills } = await import('../../../worker/src/bills/ingest.ts');
      await ingestBills(m.deps, readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
      const mails = (await m.outbox()).filter((x) => x.kind === 'bill');
      const nov = mails.find((x) => x.subject.startsWith('Račun za novembar 2026.'))!;
      const oct = mails.find((x) => x.subject.startsWith('Račun za oktobar 2026.'))!;
      expect(nov.text).toContain('Za uplatu ovom uplatnicom: 1.986,00 din.');
      expect(nov.text).toContain('Imate još 1 neplaćen račun iz ranijih meseci (1.971,00 din.).');
      expect(nov.text).toContain('Ukupno neplaćeno, sa ovim računom: 3.957,00 din.');
      expect(nov.text).toMatch(/^Pogledajte neplaćene račune: http:\/\/localhost:8787\/#racuni&jezik=sr-Latn$/m);
      expect(nov.text).not.toContain('3.957,00 din.\nRok');
      expect(oct.text).toContain('Za uplatu ovom uplatnicom: 1.971,00 din.');
      expect(oct.text).not.toContain('Imate još');
    } finally {
      await m.close();
    }
  });
});
