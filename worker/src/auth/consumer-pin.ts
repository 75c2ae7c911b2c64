// Proving a consumer code with its PIN (registration and linking another code): throttled per
// code and per IP in the database, the same answer for an unknown code and a wrong PIN.
import type { Context } from 'hono';
import type { BatchItem } from 'drizzle-orm/batch';
import { eq } from 'drizzle-orm';
import { accountConsumers, consumers } from '../db/schema.ts';
import { ApiError, tooManyAttempts } from '../http/errors.ts';
import { pinMatches } from './pin.ts';
import { blockedQuery, hitStatement, retryAfterSeconds } from './throttle.ts';
import type { AppContext } from '../app.ts';

export function pinRules(ctx: AppContext, code: string, ip: string) {
  const l = ctx.deps.config.limits;
  return [
    { key: `pin:code:${code}`, limit: l.pinMaxFailures, windowMs: l.pinWindowMs },
    { key: `pin:ip:${ip}`, limit: l.pinIpMaxFailures, windowMs: l.pinWindowMs },
  ];
}

/**
 * Checks code + PIN; returns the account the consumer is linked to (or null). `alsoRead`, a
 * query, rides along in the same round trip (registration looks up the e-mail there).
 */
export async function proveConsumer<Q extends BatchItem<'sqlite'>>(ctx: AppContext, c: Context, code: string, pin: string, alsoRead?: Q) {
  const { db, config } = ctx.deps;
  const now = ctx.deps.now();
  const rules = pinRules(ctx, code, ctx.clientIp(c));
  const [blocked, rows, extra] = (await db.batch([
    blockedQuery(db, rules.map((r) => r.key), now),
    db
      .select({ pinDigest: consumers.pinDigest, accountId: accountConsumers.accountId })
      .from(consumers)
      .leftJoin(accountConsumers, eq(accountConsumers.consumerCode, consumers.code))
      .where(eq(consumers.code, code)),
    ...(alsoRead ? [alsoRead] : []),
  ])) as unknown as [{ blockedUntil: number }[], { pinDigest: string; accountId: string | null }[], Awaited<Q>?];
  const retry = retryAfterSeconds(blocked, now);
  if (retry) throw tooManyAttempts(retry);
  const consumer = rows[0];
  if (!(await pinMatches(config.pinKey, code, pin, consumer?.pinDigest))) {
    await db.batch([hitStatement(db, rules[0], now), hitStatement(db, rules[1], now)]);
    throw new ApiError(400, 'invalid_consumer_credentials');
  }
  return { linkedTo: consumer.accountId, extra: extra as Awaited<Q> };
}
