// /api/admin/*: the billing system pushes its CSV exports and bill PDFs and unlocks consumer codes;
// the utility's mail administrator feeds the bounces of its SMTP relay; the billing system reads
// who gets paper and the switches (routes/admin-delivery.ts).
// Bearer ADMIN_TOKEN, or ADMIN_TOKEN_NEXT during a rotation (constant-time compare), its own
// failure limit per address, off when unset. Every success is in the audit log
// (middleware/admin-audit.ts: each handler names its entry).

/** The billing system's uploads: a month of bills as CSV. */
export const ADMIN_BODY_LIMIT = 8 * 1024 * 1024;
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { fail, refusedError } from '../http/errors.ts';
import { sizeLimit } from '../http/size-limit.ts';
import { adminTokenOf } from '../auth/admin-token.ts';
import { release, reserve } from '../auth/throttle.ts';
import { ImportError } from '../csv/table.ts';
import { decodeCsv } from '../csv/decode.ts';
import { unlockConsumer } from '../consumers/unlock.ts';
import { ingestBills } from '../bills/ingest.ts';
import { ingestConsumers } from '../consumers/ingest.ts';
import { type AdminCtx, type AdminEnv, adminAudited, enforceAdminAudit } from '../middleware/admin-audit.ts';
import { adminDelivery } from './admin-delivery.ts';
import type { BodyValidators } from '../http/body.ts';
import { documented } from '../openapi/tags.ts';
import { billByPeriod, setBillPdf } from '../db/statements/bills.ts';
import { readBounceReport } from '../mail/bounce-report.ts';
import { recordDeliveryEvents } from '../mail/delivery-events.ts';
import { canonical } from '../../../contract/typed-code.ts';

/**
 * Bearer ADMIN_TOKEN or ADMIN_TOKEN_NEXT, counted first (a right token gives the slot back);
 * without ADMIN_TOKEN configured the endpoints do not exist. Names the token used for the audit.
 */
const bearer = documented(
  createMiddleware<AdminEnv>(async (c, next) => {
    const { deps, limits, clientIp } = c.var;
    if (!deps.config.adminToken) throw fail('not_found');
    const rule = limits.admin(clientIp);
    const r = await reserve(deps, [rule]);
    if (r.refusal) throw refusedError(r.refusal);
    const given = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    const token = adminTokenOf(given, deps.config);
    if (!token) throw fail('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
    await release(deps.db, [rule]);
    c.set('adminToken', token);
    await next();
  }),
  { security: 'adminToken', errors: ['not_found', 'too_many_attempts', 'unauthenticated'] },
);

/** The body's media type, checked after the bearer (so a stranger learns nothing from a 415). */
const accepts = (contentType: string) =>
  documented(
    createMiddleware<AdminEnv>(async (c, next) => {
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (type !== contentType) throw fail('unsupported_media_type');
      await next();
    }),
    { accepts: contentType, errors: ['unsupported_media_type'] },
  );

/**
 * POST /api/admin/bills/pdf?code=&period= with the PDF as body: the billing system's own bill (the
 * code in its canonical form, as the imports store it; kept under the code encoded, so a slash in
 * it never makes a folder).
 */
async function adminBillPdf(c: AdminCtx) {
  const { deps } = c.var;
  const code = canonical('consumerCode', c.req.query('code') ?? '', deps.config.utility.consumerCode);
  const period = c.req.query('period') ?? '';
  if (!new RegExp(deps.config.utility.consumerCode.pattern).test(code) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw fail('validation_failed', { fields: { query: 'invalid_format' } });
  }
  const pdf = new Uint8Array(await c.req.arrayBuffer());
  if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-')
    throw fail('validation_failed', { fields: { file: 'not_a_pdf' } });
  const [bill] = await billByPeriod(deps.db, code, period);
  if (!bill) throw fail('not_found');
  const key = `bills/${encodeURIComponent(code)}/${period}.pdf`;
  await deps.files.put(key, pdf);
  await setBillPdf(deps.db, bill.id, key, deps.now());
  adminAudited(c, { action: 'admin.bill_pdf_stored', consumerCode: code, detail: { period, billId: bill.id } });
  return c.json({ status: 'stored', billId: bill.id }, 200);
}

/** An import's counts for its audit entry (the bad lines are in the answer, their number here). */
const importDetail = ({ errors, ...counts }: { errors: unknown[] }) => ({ ...counts, errors: errors.length });

/**
 * POST /api/admin/{bills,consumers} with the CSV as body: UTF-8, or the encoding named by
 * `?encoding=` (or else the Content-Type's charset), e.g. windows-1250. A file that is not in it is
 * refused with its line; so is one of more than IMPORT_MAX_ROWS rows. Bad rows are reported by line.
 */
function adminImport(what: 'bills' | 'consumers') {
  return async (c: AdminCtx) => {
    const { deps } = c.var;
    const named = c.req.query('encoding') ?? c.req.header('content-type')?.match(/;\s*charset="?([^";\s]+)/i)?.[1];
    try {
      const csv = decodeCsv(new Uint8Array(await c.req.arrayBuffer()), named, '?encoding=windows-1250');
      if (what === 'bills') {
        const { createdIds: _, ...report } = await ingestBills(deps, csv);
        adminAudited(c, { action: 'admin.bills_imported', detail: importDetail(report) });
        return c.json(report, 200);
      }
      const report = await ingestConsumers(deps, csv);
      adminAudited(c, { action: 'admin.consumers_imported', detail: importDetail(report) });
      return c.json(report, 200);
    } catch (e) {
      if (e instanceof ImportError)
        throw fail('import_failed', { fields: { file: (e as Error).message.slice(0, 200) } });
      throw e;
    }
  };
}

/**
 * POST /api/admin/bounces: a bounce report from the utility's bounce mailbox, CSV `email,type,reason`
 * (`type` hard, soft or complaint) or the same as a JSON array. All or nothing: a report with a bad
 * line is refused naming its lines; stored once per line however often it is fed (delivery-events.ts).
 */
async function adminBounces(c: AdminCtx) {
  const { deps } = c.var;
  const json = c.req.header('content-type')?.split(';')[0].trim().toLowerCase() === 'application/json';
  let report: ReturnType<typeof readBounceReport>;
  try {
    const text = decodeCsv(
      new Uint8Array(await c.req.arrayBuffer()),
      c.req.query('encoding'),
      '?encoding=windows-1250',
    );
    report = readBounceReport(text, json);
  } catch (e) {
    // Not text in the named encoding, an empty file, a header without email and type.
    if (e instanceof ImportError) throw fail('import_failed', { fields: { file: e.message.slice(0, 200) } });
    throw e;
  }
  if (report.errors.length) {
    const lines = report.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.reason}`);
    throw fail('import_failed', { fields: { file: lines.join('; ').slice(0, 200) } });
  }
  const { stored } = await recordDeliveryEvents(deps, report.events);
  adminAudited(c, { action: 'admin.bounces_reported', detail: { received: report.events.length, stored } });
  return c.json({ received: report.events.length, stored }, 200);
}

/** The body's media type among several (checked after the bearer). */
const acceptsEither = (...types: string[]) =>
  documented(
    createMiddleware<AdminEnv>(async (c, next) => {
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (!type || !types.includes(type)) throw fail('unsupported_media_type');
      await next();
    }),
    { accepts: types[0], errors: ['unsupported_media_type'] },
  );

/** POST /api/admin/consumers/unlock {consumerCode}: the utility lifts a code's PIN lock (after checking with the resident). */
async function adminUnlockConsumer(c: AdminCtx<'unlinkConsumer'>) {
  const { deps, limits } = c.var;
  const input = c.req.valid('json');
  const cleared = await unlockConsumer(deps, limits, input.consumerCode);
  adminAudited(c, { action: 'admin.consumer_unlocked', consumerCode: input.consumerCode, detail: { cleared } });
  return c.json({ status: 'unlocked', cleared }, 200);
}

/**
 * The billing system's endpoints, mounted at /api/admin: bearer first, then 8 MiB bodies of the
 * stated type; `body`: the app's validators of the JSON bodies (http/body.ts).
 */
export const adminRoutes = (body: BodyValidators) =>
  new Hono<AdminEnv>()
    .use('*', bearer)
    .use('*', enforceAdminAudit)
    .use('*', sizeLimit(ADMIN_BODY_LIMIT))
    .post('/bills', accepts('text/csv'), adminImport('bills'))
    .post('/consumers', accepts('text/csv'), adminImport('consumers'))
    .post('/consumers/unlock', accepts('application/json'), body.unlinkConsumer, adminUnlockConsumer)
    .post('/bills/pdf', accepts('application/pdf'), adminBillPdf)
    .post('/bounces', acceptsEither('text/csv', 'application/json'), adminBounces)
    .get('/delivery', adminDelivery);
