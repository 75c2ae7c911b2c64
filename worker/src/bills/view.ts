// What a resident sees of a bill: amounts in RSD, the payment slip and its IPS QR code; and the
// one slip for all of a consumer's unpaid bills where the utility takes a single payment.
// The slip's words stay in Latin (the QR code and the bank read them); the views transliterate.
import type { Config } from '../config.ts';
import type { bills } from '../db/schema.ts';
import { fitPayerLines, ipsQrPayload } from './ips-qr.ts';
import { makeReference } from '../../../contract/payment-reference.ts';
import { qrSvg } from './qr-image.ts';
import { formatPeriod } from '../../../contract/format.ts';
import type { BillDetail, BillSummary, ConsumerSummary, PaymentSlip } from '../../../contract/responses.ts';

type BillRecord = typeof bills.$inferSelect;

export const rsd = (para: number) => Math.round(para) / 100;

export function billSummary(
  b: Pick<BillRecord, 'id' | 'consumerCode' | 'period' | 'issueDate' | 'dueDate' | 'amount' | 'balance' | 'paidAt'>,
): BillSummary {
  return {
    id: b.id,
    consumerCode: b.consumerCode,
    period: b.period,
    issueDate: b.issueDate,
    dueDate: b.dueDate,
    amount: rsd(b.amount),
    balance: rsd(b.balance),
    paid: b.paidAt !== null,
    paidAt: b.paidAt,
  };
}

type Payer = { name: string; address: string };
type SlipFields = Pick<PaymentSlip, 'account' | 'amount' | 'reference' | 'purpose'>;

/** The slip and its IPS QR code (the account as printed, 18 digits in the QR). */
function slipWithQr(config: Config, f: SlipFields, payer: Payer) {
  const p = config.utility.payment;
  const slip: PaymentSlip = {
    payee: p.payee.join(', '),
    payer: `${payer.name}, ${payer.address}`,
    account: f.account.replace(/^(\d{3})-?(\d{13})-?(\d{2})$/, '$1-$2-$3'),
    amount: f.amount,
    currency: 'RSD',
    model: p.model,
    reference: f.reference,
    paymentCode: p.paymentCode,
    purpose: f.purpose,
  };
  const qr = ipsQrPayload({
    account: f.account.replace(/-/g, ''),
    payee: p.payee,
    amount: slip.amount,
    payer: fitPayerLines([payer.name, payer.address]),
    paymentCode: p.paymentCode,
    purpose: slip.purpose,
    model: p.model,
    reference: f.reference,
  });
  return { slip, ipsQr: qr, qrSvg: qrSvg(qr) };
}

/** The purpose in words: "Račun za novembar 2026." (config's template, the period in Latin words). */
export const billPurpose = (config: Config, period: string) =>
  config.utility.payment.purpose.replace('{period}', formatPeriod(period, 'sr-Latn'));

export function paymentSlip(config: Config, b: BillRecord, payer: Payer) {
  return slipWithQr(
    config,
    { account: b.payeeAccount, amount: rsd(b.amount), reference: b.reference, purpose: billPurpose(config, b.period) },
    payer,
  );
}

/** The consumer's own reference: the configured template ({code}: letters and digits, {digits}: digits), under the model. */
export const totalReference = (config: Config, code: string) =>
  makeReference(
    config.utility.payment.model,
    config.utility.payment.totalReference
      .replace('{code}', code.replace(/[^0-9A-Za-z]/g, ''))
      .replace('{digits}', code.replace(/\D/g, '')),
  );

/**
 * One payment for every unpaid bill of a consumer, when the utility takes it (`totalPayment`:
 * "total"): the sum, with the consumer's own reference (`totalReference` under the utility's model).
 */
export function totalSlip(config: Config, code: string, unpaid: BillRecord[], payer: Payer): ConsumerSummary['total'] {
  if (config.utility.payment.totalPayment !== 'total' || unpaid.length < 2) return null;
  const para = unpaid.reduce((sum, b) => sum + b.amount, 0);
  return slipWithQr(
    config,
    {
      account: config.utility.payment.account,
      amount: rsd(para),
      reference: totalReference(config, code),
      purpose: config.utility.payment.totalPurpose.replace('{code}', code),
    },
    payer,
  );
}

/** The older unpaid bills as a bill shows them: each, and their total (in RSD, summed in para). */
export function olderDebt(older: Pick<BillRecord, 'id' | 'period' | 'amount' | 'dueDate'>[]): BillDetail['older'] {
  return {
    bills: older.map((o) => ({ id: o.id, period: o.period, amount: rsd(o.amount), dueDate: o.dueDate })),
    total: rsd(older.reduce((sum, o) => sum + o.amount, 0)),
  };
}

/**
 * A bill with its slip: "za uplatu" is the slip's amount, the bill's own `iznos`, never the file's
 * `dug`; the consumer's older unpaid bills (`olderUnpaidBills`) are a line of their own.
 */
export function billDetail(
  config: Config,
  b: BillRecord,
  payer: { name: string; address: string },
  older: Pick<BillRecord, 'id' | 'period' | 'amount' | 'dueDate'>[] = [],
): BillDetail {
  const items = (JSON.parse(b.items) as { description: string; amount: number }[]).map((i) => ({
    description: i.description,
    amount: rsd(i.amount),
  }));
  const pay = paymentSlip(config, b, payer);
  return {
    ...billSummary(b),
    items,
    hasPdf: b.pdfKey !== null,
    toPay: pay.slip.amount,
    older: olderDebt(older),
    ...pay,
  };
}
