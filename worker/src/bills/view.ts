// What a resident sees of a bill: amounts in RSD, the payment slip and its IPS QR code.
import type { Config } from '../config.ts';
import type { bills } from '../db/schema.ts';
import { fitPayerLines, ipsQrPayload } from './ips-qr.ts';
import { qrSvg } from './qr-image.ts';
import type { BillDetail, BillSummary, PaymentSlip } from '../../../contract/responses.ts';

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

export function paymentSlip(config: Config, b: BillRecord, payer: { name: string; address: string }) {
  const p = config.utility.payment;
  const slip: PaymentSlip = {
    payee: p.payee.join(', '),
    payer: `${payer.name}, ${payer.address}`,
    account: b.payeeAccount.replace(/^(\d{3})(\d{13})(\d{2})$/, '$1-$2-$3'),
    amount: rsd(b.amount),
    currency: 'RSD',
    model: '97',
    reference: b.reference,
    paymentCode: p.paymentCode,
    purpose: p.purpose.replace('{period}', b.period),
  };
  const qr = ipsQrPayload({
    account: b.payeeAccount,
    payee: p.payee,
    amount: slip.amount,
    payer: fitPayerLines([payer.name, payer.address]),
    paymentCode: p.paymentCode,
    purpose: slip.purpose,
    reference97: b.reference,
  });
  return { slip, ipsQr: qr, qrSvg: qrSvg(qr) };
}

export function billDetail(config: Config, b: BillRecord, payer: { name: string; address: string }): BillDetail {
  const items = (JSON.parse(b.items) as { description: string; amount: number }[]).map((i) => ({
    description: i.description,
    amount: rsd(i.amount),
  }));
  return { ...billSummary(b), items, hasPdf: b.pdfKey !== null, ...paymentSlip(config, b, payer) };
}
