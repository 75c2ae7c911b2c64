// POST /api/admin/bills and /api/admin/consumers: the billing system pushes its CSV exports.
// Bearer ADMIN_TOKEN (constant-time compare), its own failure limit per IP, off when unset.
import type { Context } from 'hono';
import { ApiError, tooManyAttempts } from '../http/errors.ts';
import { timingSafeEqual } from '../auth/crypto.ts';
import { blockedQuery, hitStatement, retryAfterSeconds } from '../auth/throttle.ts';
import { ImportError } from '../csv/table.ts';
import { ingestBills } from '../bills/ingest.ts';
import { parseConsumersCsv, upsertConsumers } from '../consumers/import.ts';
import type { AppContext } from '../app.ts';

const HOUR = 3600_000;
const ADMIN_IP_FAILURES = 10;

export function adminImport(ctx: AppContext, what: 'bills' | 'consumers') {
  const { deps } = ctx;
  const { db, config } = deps;
  return async (c: Context) => {
    if (!config.adminToken) throw new ApiError(404, 'not_found');
    const now = deps.now();
    const rule = { key: `admin:ip:${ctx.clientIp(c)}`, limit: ADMIN_IP_FAILURES, windowMs: HOUR };
    const retry = retryAfterSeconds(await blockedQuery(db, [rule.key], now), now);
    if (retry) throw tooManyAttempts(retry);
    const given = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    if (!timingSafeEqual(given, config.adminToken)) {
      await hitStatement(db, rule, now);
      throw new ApiError(401, 'unauthenticated', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
    if (type !== 'text/csv') throw new ApiError(415, 'unsupported_media_type');
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
