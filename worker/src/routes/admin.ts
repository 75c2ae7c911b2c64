// POST /api/admin/bills and /api/admin/consumers: the billing system pushes its CSV exports.
// Bearer ADMIN_TOKEN (constant-time compare), its own failure limit per IP, off when unset.
import type { Context } from 'hono';
import { ApiError, refusedError } from '../http/errors.ts';
import { timingSafeEqual } from '../auth/crypto.ts';
import { release, reserve } from '../auth/throttle.ts';
import { ImportError } from '../csv/table.ts';
import { readBody } from '../http/body.ts';
import { unlockConsumer } from '../consumers/unlock.ts';
import { ingestBills } from '../bills/ingest.ts';
import { parseConsumersCsv, upsertConsumers } from '../consumers/import.ts';
import type { AppContext } from '../app.ts';
import { and, eq } from 'drizzle-orm';
import { bills } from '../db/schema.ts';

/** Bearer ADMIN_TOKEN or an error; the endpoints do not exist without one configured. */
async function requireAdmin(ctx: AppContext, c: Context, contentType: string) {
  const { db, config } = ctx.deps;
  if (!config.adminToken) throw new ApiError(404, 'not_found');
  // Counted first; a right token gives the slot back.
  const rule = ctx.limits.admin(ctx.clientIp(c));
  const r = await reserve(db, [rule], ctx.deps.now());
  if (r.refusal) throw refusedError(r.refusal);
  const given = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
  if (!timingSafeEqual(given, config.adminToken)) throw new ApiError(401, 'unauthenticated', undefined, { 'WWW-Authenticate': 'Bearer' });
  await release(db, [rule]);
  const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
  if (type !== contentType) throw new ApiError(415, 'unsupported_media_type');
}

/** POST /api/admin/bills/pdf?code=&period= with the PDF as body: the billing system's own bill. */
export function adminBillPdf(ctx: AppContext) {
  const { deps } = ctx;
  return async (c: Context) => {
    await requireAdmin(ctx, c, 'application/pdf');
    const code = c.req.query('code') ?? '';
    const period = c.req.query('period') ?? '';
    if (!new RegExp(deps.config.utility.consumerCode.pattern).test(code) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
      throw new ApiError(422, 'validation_failed', { query: 'invalid_format' });
    }
    const pdf = new Uint8Array(await c.req.arrayBuffer());
    if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-') throw new ApiError(422, 'validation_failed', { file: 'not_a_pdf' });
    const [bill] = await deps.db.select({ id: bills.id }).from(bills).where(and(eq(bills.consumerCode, code), eq(bills.period, period)));
    if (!bill) throw new ApiError(404, 'not_found');
    const key = `bills/${code}/${period}.pdf`;
    await deps.files.put(key, pdf);
    await deps.db.update(bills).set({ pdfKey: key, updatedAt: deps.now() }).where(eq(bills.id, bill.id));
    return c.json({ status: 'stored', billId: bill.id }, 200);
  };
}

export function adminImport(ctx: AppContext, what: 'bills' | 'consumers') {
  const { deps } = ctx;
  const { db, config } = deps;
  return async (c: Context) => {
    await requireAdmin(ctx, c, 'text/csv');
    const now = deps.now();
    const csv = await c.req.text();
    try {
      if (what === 'bills') {
        const { createdIds: _, ...report } = await ingestBills(deps, csv);
        return c.json(report, 200);
      }
      const parsed = parseConsumersCsv(csv, { codePattern: config.utility.consumerCode.pattern, pinPattern: config.utility.pin.pattern });
      const n = await upsertConsumers(db, config.pinKey, parsed.rows, now);
      return c.json({ imported: n, errors: parsed.errors }, 200);
    } catch (e) {
      if (e instanceof ImportError) throw new ApiError(422, 'import_failed', { file: (e as Error).message.slice(0, 200) });
      throw e;
    }
  };
}

/** POST /api/admin/consumers/unlock {consumerCode}: the utility lifts a code's PIN lock (after checking with the resident). */
export function adminUnlockConsumer(ctx: AppContext) {
  return async (c: Context) => {
    await requireAdmin(ctx, c, 'application/json');
    const input = await readBody(c, ctx.schemas.unlinkConsumer);
    const cleared = await unlockConsumer(ctx.deps, ctx.limits, input.consumerCode);
    return c.json({ status: 'unlocked', cleared }, 200);
  };
}
