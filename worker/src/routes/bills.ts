// GET /api/bills, /api/bills/:id, its PDF and its QR code as PNG — a resident sees only the bills of the consumer codes
// linked to their own account; anything else is a 404, whether it exists or not.
import { billPdfName, qrPngName } from '../../../contract/file-names.ts';
import { Hono } from 'hono';
import * as v from 'valibot';
import { billOfCodes, billPage, olderUnpaidBills } from '../db/statements/bills.ts';
import { fail } from '../http/errors.ts';
import { billDetail, billSummary, paymentSlip } from '../bills/view.ts';
import { qrPng } from '../bills/qr-image.ts';
import { billPdf, pdfIssuer } from '../bills/pdf/bill.ts';
import { toLocale } from '../../../contract/locales.ts';
import type { AccountCtx, AccountEnv } from '../env.ts';
import type { BillAnswer, BillsPage } from '../../../contract/responses.ts';
import { requireSession } from '../middleware/session.ts';

const PAGE_SIZE = 12;
const listQuery = v.object({
  consumer: v.optional(v.pipe(v.string(), v.maxLength(40))),
  page: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,4}$/), v.transform(Number)), '1'),
});

export async function listBills(c: AccountCtx) {
  const { db } = c.var.deps;
  const s = c.var.session;
  const q = v.safeParse(listQuery, c.req.query());
  if (!q.success) throw fail('validation_failed', { fields: { query: 'invalid_format' } });
  const page = Number(q.output.page);
  const linked = s.account.consumers.map((x) => x.code);
  const codes = q.output.consumer ? linked.filter((x) => x === q.output.consumer) : linked;
  if (q.output.consumer && codes.length === 0) throw fail('not_found');
  if (codes.length === 0) return c.json({ bills: [], page, pageSize: PAGE_SIZE, total: 0 } satisfies BillsPage);
  const [rows, [{ total }]] = await billPage(db, codes, page, PAGE_SIZE);
  return c.json({ bills: rows.map(billSummary), page, pageSize: PAGE_SIZE, total } satisfies BillsPage);
}

/** The bill with this id if it belongs to one of the session's consumer codes, else 404. */
async function ownBill(c: AccountCtx) {
  const s = c.var.session;
  const id = c.req.param('id') ?? '';
  const linked = s.account.consumers;
  if (!/^[0-9a-f]{32}$/.test(id) || linked.length === 0) throw fail('not_found');
  const [bill] = await billOfCodes(
    c.var.deps.db,
    id,
    linked.map((x) => x.code),
  );
  if (!bill) throw fail('not_found');
  return { s, bill, consumer: linked.find((x) => x.code === bill.consumerCode)! };
}

/** The bill with its slip and the consumer's older unpaid bills. */
async function detailOf(
  c: AccountCtx,
  bill: Awaited<ReturnType<typeof ownBill>>['bill'],
  consumer: { name: string; address: string },
) {
  const older = await olderUnpaidBills(c.var.deps.db, bill.consumerCode, bill.period);
  return billDetail(c.var.deps.config, bill, consumer, older);
}

export async function getBill(c: AccountCtx) {
  const { bill, consumer } = await ownBill(c);
  return c.json({ bill: await detailOf(c, bill, consumer) } satisfies BillAnswer);
}

/** GET /api/bills/:id/pdf?locale=: the billing system's PDF when there is one, else one made here. */
export async function getBillPdf(c: AccountCtx) {
  const { deps } = c.var;
  const { s, bill, consumer } = await ownBill(c);
  let pdf = bill.pdfKey ? await deps.files.get(bill.pdfKey) : null;
  if (!pdf) {
    const d = await detailOf(c, bill, consumer);
    const q = c.req.query('locale');
    const locale = toLocale(q, toLocale(s.account.locale));
    pdf = await billPdf(
      await deps.fonts(),
      {
        ...d,
        utility: deps.config.utility.name,
        issuer: pdfIssuer(deps.config.utility),
        consumer,
        // UTC's date: in Serbia's first hour or two of a day, a bill due the day before is not yet marked overdue.
        today: new Date(deps.now()).toISOString().slice(0, 10),
      },
      locale,
    );
  }
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="${billPdfName(bill.consumerCode, bill.period)}"`);
  return c.body(pdf as Uint8Array<ArrayBuffer>);
}

/**
 * GET /api/bills/:id/qr.png: the bill's IPS QR code as an image to save, for banking apps that
 * read a QR code from the phone's gallery (the phone cannot scan its own screen).
 */
export async function getBillQr(c: AccountCtx) {
  const { bill, consumer } = await ownBill(c);
  const { ipsQr } = paymentSlip(c.var.deps.config, bill, consumer);
  c.header('Content-Type', 'image/png');
  c.header('Cache-Control', 'private, no-store');
  c.header('Content-Disposition', `attachment; filename="${qrPngName(bill.consumerCode, bill.period)}"`);
  return c.body(qrPng(ipsQr, 8) as Uint8Array<ArrayBuffer>);
}

/** Mounted at /api/bills, behind the session middleware. */
export const billRoutes = new Hono<AccountEnv>()
  .use('*', requireSession)
  .get('/', listBills)
  .get('/:id', getBill)
  .get('/:id/pdf', getBillPdf)
  .get('/:id/qr.png', getBillQr);
