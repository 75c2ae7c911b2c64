// GET /api/admin/delivery: the billing system's side of the print list (docs/office.md, "The
// billing system's delivery list and feed"). `?period=YYYY-MM`: every consumer with a bill in the
// period and how it reaches them — the print list's own rows (deliveryRows), as JSON or CSV.
// `?since=<cursor>`: the switches since the cursor (delivery_changes), a page at a time.
// Invariants: the list is the print list's rule, never a second one; a cursor is the last change's
// id (base64url, opaque to the caller), so following `next` never repeats or skips a change.
import { fromBase64Url, toBase64Url } from '../../../contract/base64url.ts';
import { fail } from '../http/errors.ts';
import { deliveryRows } from '../db/statements/delivery-list.ts';
import { deliveryChangesAfter } from '../db/statements/delivery-feed.ts';
import { csvResponse, toCsv } from '../staff/csv.ts';
import { type AdminCtx, adminAudited } from '../middleware/admin-audit.ts';

/** Changes in one page of the feed, unless `?limit=` (1 to this) asks for fewer. */
export const DELIVERY_FEED_PAGE = 1000;

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const enc = new TextEncoder();
const dec = new TextDecoder();
export const feedCursor = (id: number) => toBase64Url(enc.encode(String(id)));

/** The change id a cursor stands for: '' and '0' are the start; anything else not of feedCursor is refused (422). */
function cursorId(cursor: string): number {
  if (cursor === '' || cursor === '0') return 0;
  let id = '';
  try {
    if (/^[A-Za-z0-9_-]{1,24}$/.test(cursor)) id = dec.decode(fromBase64Url(cursor));
  } catch {
    // not base64url: refused below
  }
  if (!/^\d{1,15}$/.test(id) || feedCursor(Number(id)) !== cursor)
    throw fail('validation_failed', { fields: { since: 'invalid_format' } });
  return Number(id);
}

function pageSize(limit: string | undefined): number {
  if (limit === undefined) return DELIVERY_FEED_PAGE;
  const n = Number(limit);
  if (!/^\d+$/.test(limit) || n < 1 || n > DELIVERY_FEED_PAGE)
    throw fail('validation_failed', { fields: { limit: 'invalid_format' } });
  return n;
}

/** GET /api/admin/delivery?period= | ?since=[&limit=] */
export async function adminDelivery(c: AdminCtx) {
  const period = c.req.query('period');
  const since = c.req.query('since');
  if ((period === undefined) === (since === undefined))
    throw fail('validation_failed', { fields: { query: 'invalid_format' } });
  return period !== undefined ? deliveryList(c, period) : deliveryFeed(c, since ?? '');
}

async function deliveryList(c: AdminCtx, period: string) {
  if (!PERIOD.test(period)) throw fail('validation_failed', { fields: { period: 'invalid_format' } });
  const rows = (await deliveryRows(c.var.deps, period)).map((r) => ({
    consumerCode: r.consumerCode,
    delivery: r.delivery,
    reason: r.reason,
    since: iso(r.since),
  }));
  const json = c.req.header('accept')?.includes('application/json') ?? false;
  adminAudited(c, {
    action: 'admin.delivery_listed',
    detail: { period, format: json ? 'json' : 'csv', rows: rows.length },
  });
  if (json) return c.json({ period, rows }, 200);
  return csvResponse(
    toCsv(
      ['consumerCode', 'delivery', 'reason', 'since'],
      rows.map((r) => [r.consumerCode, r.delivery, r.reason, r.since]),
    ),
    `delivery-${period}.csv`,
  );
}

async function deliveryFeed(c: AdminCtx, since: string) {
  const after = cursorId(since);
  const limit = pageSize(c.req.query('limit'));
  const page = await deliveryChangesAfter(c.var.deps.db.$client, after, limit);
  const next = feedCursor(page.at(-1)?.id ?? after);
  adminAudited(c, { action: 'admin.delivery_feed_read', detail: { since, next, changes: page.length } });
  return c.json(
    {
      changes: page.map((ch) => ({
        consumerCode: ch.consumerCode,
        delivery: ch.delivery,
        reason: ch.reason,
        at: iso(ch.at),
      })),
      next,
    },
    200,
  );
}
