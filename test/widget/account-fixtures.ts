// What the account area's API answers in the component tests: a consumer with three months of
// bills (the newest unpaid), and the same with several unpaid bills under each payment rule.
import type { BillSummary, ConsumerSummary } from '../../contract/responses.ts';

export const bill = (period: string, amount: number, paid: boolean, dueDate = `${period}-20`): BillSummary => ({
  id: period.replace('-', '').padEnd(32, 'a'),
  consumerCode: '104521',
  period,
  issueDate: `${period}-05`,
  dueDate,
  amount,
  balance: paid ? 0 : amount,
  paid,
  paidAt: paid ? `${period}-10` : null,
});

// Due in the future: "Nije plaćeno", not overdue, whenever the tests run.
export const NOV = bill('2026-11', 1860, false, '2999-12-20');
export const HISTORY = [bill('2026-09', 1830, true), bill('2026-10', 1845, true), NOV];

export const CONSUMER: ConsumerSummary = {
  code: '104521',
  name: 'Milica Jovanović',
  address: 'Glavna 12, 22400 Ruma',
  balance: 1860,
  lastPeriod: '2026-11',
  unpaidBills: 1,
  history: HISTORY,
  unpaid: [NOV],
  unpaidTotal: 1860,
  payRule: 'perBill',
  total: null,
};

export const SLIP = {
  payee: 'JP Stambeno Ruma, Ruma',
  payer: 'Milica Jovanović, Glavna 12, 22400 Ruma',
  account: '160-0000001234567-29',
  amount: 1860,
  currency: 'RSD' as const,
  model: '97' as const,
  reference: '26104521202611',
  paymentCode: '189',
  purpose: 'Račun za novembar 2026.',
};

export const QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

export const DETAIL = {
  ...NOV,
  items: [
    { description: 'Održavanje zgrade', amount: 1100 },
    { description: 'Čišćenje zajedničkih prostorija', amount: 450 },
    { description: 'Odnošenje smeća', amount: 310 },
  ],
  hasPdf: false,
  toPay: 1860,
  older: { bills: [] as { id: string; period: string; amount: number; dueDate: string }[], total: 0 },
  slip: SLIP,
  ipsQr: 'K:PR|V:01|C:1',
  qrSvg: QR_SVG,
};

/** Three unpaid bills, the oldest overdue. */
export function severalUnpaid(rule: 'perBill' | 'total'): ConsumerSummary {
  const jul = bill('2026-07', 1800, false, '2026-07-20');
  const aug = bill('2026-08', 1800, false, '2999-08-20');
  return {
    ...CONSUMER,
    history: [jul, aug, ...HISTORY],
    unpaid: [jul, aug, NOV],
    unpaidBills: 3,
    unpaidTotal: 5460,
    payRule: rule,
    total:
      rule === 'total'
        ? { slip: { ...SLIP, amount: 5460, reference: '12104521' }, ipsQr: 'K:PR', qrSvg: QR_SVG }
        : null,
  };
}
