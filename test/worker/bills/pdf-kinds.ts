// Every kind of bill PDF the portal writes, for the tests of the file itself: the three utilities'
// configurations (the issuer, colour, payee, reference model and code form differ), each with the
// demo bill, long words that wrap and shrink, more items than the page holds, a paid bill (no QR
// code), an overdue bill with older debt and a name in letters outside the common font file; in
// Serbian Latin, Cyrillic and English. The slip and QR code are made from the configuration as the
// portal makes them (bills/view.ts). The total's one slip (`totalSlip`) is no PDF: a QR PNG.
import { resolve } from 'node:path';
import type { Locale } from '../../../contract/locales.ts';
import type { UtilityConfig } from '../../../contract/utility-config.ts';
import { loadConfig } from '../../../worker/src/config.ts';
import type { bills } from '../../../worker/src/db/schema.ts';
import { billDetail, totalReference } from '../../../worker/src/bills/view.ts';
import { type PdfBill, pdfIssuer } from '../../../worker/src/bills/pdf/bill.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';
import { BILL, LONG, MANY } from './pdf-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const UTILITIES: [string, string, string][] = [
  ['Ruma (config/utility.json)', 'config/utility.json', '104521'],
  ['Vodovod (demo/vodovod)', 'demo/vodovod/utility.json', 'VD-104731'],
  ['Toplana (test/third-utility)', 'test/third-utility/utility.json', 'T-2024/0815'],
];

const BILLS: [string, PdfBill][] = [
  ['the demo bill', BILL],
  ['long words that wrap and shrink', LONG],
  ['forty items, the rest summed up', MANY],
  ['paid, its slip without a QR code', { ...BILL, paid: true, balance: 0, paidAt: '2026-12-10' }],
  [
    'overdue, older debt, a name in rarer letters',
    {
      ...BILL,
      today: '2027-01-15',
      consumer: { ...BILL.consumer, name: 'Kovács Őrs Győző' },
      older: { bills: [{ period: '2026-09' }, { period: '2026-10' }], total: 3720 },
    },
  ],
];

export const LOCALES: Locale[] = ['sr-Latn', 'sr-Cyrl', 'en'];

const para = (rsd: number) => Math.round(rsd * 100);

/** `base` as the utility's bill: its issuer, and its slip and QR code made as the portal makes them. */
function asUtilitys(u: UtilityConfig, code: string, base: PdfBill): PdfBill {
  const config = loadConfig({ APP_ENV: 'development' }, u);
  const record: typeof bills.$inferSelect = {
    id: 'b1',
    consumerCode: code,
    period: base.period,
    issueDate: base.issueDate,
    dueDate: base.dueDate,
    amount: para(base.amount),
    balance: para(base.balance),
    payeeAccount: u.payment.account,
    reference: totalReference(config, code),
    items: JSON.stringify(base.items.map((i) => ({ description: i.description, amount: para(i.amount) }))),
    paidAt: base.paidAt ?? null,
    pdfKey: null,
    createdAt: 0,
    updatedAt: 0,
  };
  const d = billDetail(config, record, base.consumer);
  return {
    ...d,
    utility: u.name,
    issuer: pdfIssuer(u),
    consumer: { ...base.consumer, code },
    older: base.older,
    today: base.today,
  };
}

export interface PdfKind {
  name: string;
  bill: PdfBill;
  locale: Locale;
}

/** Every utility × bill × locale, named for the test's report. */
export function pdfKinds(): PdfKind[] {
  const kinds: PdfKind[] = [];
  for (const [utility, file, code] of UTILITIES) {
    const u = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, file) });
    for (const [name, base] of BILLS) {
      const bill = asUtilitys(u, code, base);
      for (const locale of LOCALES) kinds.push({ name: `${utility}: ${name}, ${locale}`, bill, locale });
    }
  }
  return kinds;
}
