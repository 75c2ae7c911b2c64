// GET /api/bills, /api/bills/:id — a resident sees only the bills of the consumer codes
// linked to their own account; anything else is a 404, whether it exists or not.
import type { Context } from 'hono';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { bills } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { requireSession } from '../http/require-session.ts';
import { billDetail, billSummary } from '../bills/view.ts';
import { billPdf } from '../bills/pdf.ts';
import { toLocale } from '../../../contract/locales.ts';
import type { AppContext } from '../app.ts';

const PAGE_SIZE = 12;
const listQuery = v.object({
  consumer: v.optional(v.pipe(v.string(), v.maxLength(40))),
  page: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,4}$/), v.transform(Number)), '1'),
});

export function listBills(ctx: AppContext) {
  const { db } = ctx.deps;
  return async (c: Context) => {
    const s = await requireSession(c, ctx.deps);
    const q = v.safeParse(listQuery, c.req.query());
    if (!q.success) throw new ApiError(422, 'validation_failed', { query: 'invalid_format' });
    const page = Number(q.output.page);
    const linked = s.account.consumers.map((x) => x.code);
    const codes = q.output.consumer ? linked.filter((x) => x === q.output.consumer) : linked;
    if (q.output.consumer && codes.length === 0) throw new ApiError(404, 'not_found');
    if (codes.length === 0) return c.json({ bills: [], page, pageSize: PAGE_SIZE, total: 0 });
    const where = inArray(bills.consumerCode, codes);
    const [rows, [{ total }]] = await db.batch([
      db.select().from(bills).where(where).orderBy(desc(bills.period), bills.consumerCode).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
      db.select({ total: count() }).from(bills).where(where),
    ]);
    return c.json({ bills: rows.map(billSummary), page, pageSize: PAGE_SIZE, total });
  };
}

/** The bill with this id if it belongs to one of the session's consumer codes, else 404. */
async function ownBill(c: Context, ctx: AppContext) {
  const s = await requireSession(c, ctx.deps);
  const id = c.req.param('id') ?? '';
  const linked = s.account.consumers;
  if (!/^[0-9a-f]{32}$/.test(id) || linked.length === 0) throw new ApiError(404, 'not_found');
  const [bill] = await ctx.deps.db.select().from(bills).where(and(eq(bills.id, id), inArray(bills.consumerCode, linked.map((x) => x.code))));
  if (!bill) throw new ApiError(404, 'not_found');
  return { s, bill, consumer: linked.find((x) => x.code === bill.consumerCode)! };
}

export function getBill(ctx: AppContext) {
  return async (c: Context) => {
    const { bill, consumer } = await ownBill(c, ctx);
    return c.json({ bill: billDetail(ctx.deps.config, bill, consumer) });
  };
}

/** GET /api/bills/:id/pdf?locale=: the billing system's PDF when there is one, else one made here. */
export function getBillPdf(ctx: AppContext) {
  const { deps } = ctx;
  return async (c: Context) => {
    const { s, bill, consumer } = await ownBill(c, ctx);
    let pdf = bill.pdfKey ? await deps.files.get(bill.pdfKey) : null;
    if (!pdf) {
      const d = billDetail(deps.config, bill, consumer);
      const q = c.req.query('locale');
      const locale = toLocale(q, toLocale(s.account.locale));
      pdf = await billPdf(await deps.fonts(), { ...d, utility: deps.config.utility.name, consumer }, locale);
    }
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="racun-${bill.consumerCode}-${bill.period}.pdf"`);
    return c.body(pdf as Uint8Array<ArrayBuffer>);
  };
}
