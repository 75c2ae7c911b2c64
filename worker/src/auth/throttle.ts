// Failure counters in the database (they must hold across processes and Workers isolates).
// Each counter is a fixed window; reaching the limit blocks the key until the window ends,
// or, for growing delays, for base·2^(n−limit) capped at maxDelay.
import { sql, and, inArray, gt } from 'drizzle-orm';
import type { Db } from '../ports.ts';
import { throttles } from '../db/schema.ts';

export interface Rule {
  key: string;
  limit: number;
  windowMs: number;
  /** Growing delay after the limit instead of blocking to the end of the window. */
  growing?: { baseMs: number; maxMs: number };
}

/** Query for the keys that are blocked now (batchable). */
export function blockedQuery(db: Db, keys: string[], now: number) {
  return db
    .select({ key: throttles.key, blockedUntil: throttles.blockedUntil })
    .from(throttles)
    .where(and(inArray(throttles.key, keys), gt(throttles.blockedUntil, now)));
}

/** Seconds until every blocked key is free again, or 0. */
export function retryAfterSeconds(rows: { blockedUntil: number }[], now: number): number {
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Statement that counts one more event for the rule's key, atomically (batchable). */
export function hitStatement(db: Db, r: Rule, now: number) {
  const expired = sql`throttles.window_start + ${r.windowMs} <= ${now}`;
  const newCount = sql`(CASE WHEN ${expired} THEN 1 ELSE throttles.count + 1 END)`;
  const newStart = sql`(CASE WHEN ${expired} THEN ${now} ELSE throttles.window_start END)`;
  const block = r.growing
    ? sql`${now} + MIN(${r.growing.maxMs}, ${r.growing.baseMs} << MIN(${newCount} - ${r.limit}, 30))`
    : sql`${newStart} + ${r.windowMs}`;
  const firstBlock = r.limit <= 1 ? (r.growing ? now + r.growing.baseMs : now + r.windowMs) : 0;
  return db.run(sql`
    INSERT INTO throttles (key, window_start, count, blocked_until) VALUES (${r.key}, ${now}, 1, ${firstBlock})
    ON CONFLICT(key) DO UPDATE SET
      blocked_until = CASE WHEN ${newCount} >= ${r.limit} THEN ${block} ELSE throttles.blocked_until END,
      count = ${newCount},
      window_start = ${newStart}`);
}

export function clearStatement(db: Db, key: string) {
  return db.delete(throttles).where(sql`${throttles.key} = ${key}`);
}

/** Rows whose window and block are both over carry no information. */
export function expiredThrottlesStatement(db: Db, now: number, maxWindowMs: number) {
  return db.delete(throttles).where(sql`${throttles.windowStart} + ${maxWindowMs} < ${now} AND ${throttles.blockedUntil} < ${now}`);
}
