// GET /api/account/consumers (with the current balance), POST /api/account/consumers/link
// {consumerCode, pin} (same PIN throttling as registration) and .../unlink {consumerCode}.
import { and, eq, sql } from 'drizzle-orm';
import { accountConsumers } from '../../db/schema.ts';
import { readBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { proveConsumer } from '../../auth/consumer-pin.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { rsd } from '../../bills/view.ts';
import type { AccountCtx } from '../../env.ts';

export async function listConsumers(c: AccountCtx) {
    const { deps } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const rows = await deps.db.all<{ code: string; name: string; address: string; balance: number | null; period: string | null; unpaid: number }>(sql`
      SELECT c.code, c.name, c.address,
        (SELECT b.balance FROM bills b WHERE b.consumer_code = c.code ORDER BY b.period DESC LIMIT 1) AS balance,
        (SELECT max(b.period) FROM bills b WHERE b.consumer_code = c.code) AS period,
        (SELECT count(*) FROM bills b WHERE b.consumer_code = c.code AND b.paid_at IS NULL) AS unpaid
      FROM account_consumers ac JOIN consumers c ON c.code = ac.consumer_code
      WHERE ac.account_id = ${s.account.id} ORDER BY ac.linked_at, c.code`);
    return c.json({
      consumers: rows.map((r) => ({ code: r.code, name: r.name, address: r.address, balance: rsd(r.balance ?? 0), lastPeriod: r.period, unpaidBills: r.unpaid })),
    });
}

export async function linkConsumer(c: AccountCtx) {
    const { deps, schemas, limits } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const input = await readBody(c, schemas.linkConsumer);
    const now = deps.now();
    const { linkedTo } = await proveConsumer(c, input.consumerCode, input.pin, c.var.limits.account('link', s.account.id, c.var.clientIp));
    if (linkedTo === s.account.id) throw new ApiError(409, 'consumer_already_linked');
    if (linkedTo) throw new ApiError(409, 'consumer_already_registered');
    try {
      await db.insert(accountConsumers).values({ consumerCode: input.consumerCode, accountId: s.account.id, linkedAt: now });
    } catch (err) {
      if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw new ApiError(409, 'consumer_already_registered');
      throw err;
    }
    return c.json({ status: 'linked' }, 201);
}

export async function unlinkConsumer(c: AccountCtx) {
    const { deps, schemas } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const input = await readBody(c, schemas.unlinkConsumer);
    if (!s.account.consumers.some((x) => x.code === input.consumerCode)) throw new ApiError(404, 'not_found');
    if (s.account.consumers.length === 1) throw new ApiError(409, 'last_consumer');
    await deps.db
      .delete(accountConsumers)
      .where(and(eq(accountConsumers.accountId, s.account.id), eq(accountConsumers.consumerCode, input.consumerCode)));
    return c.body(null, 204);
}
