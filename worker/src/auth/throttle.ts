// Counters in the database (they must hold across processes and Workers isolates), counted
// first: a request reserves its slot with one atomic upsert and is decided by what the upsert
// returned, so parallel requests can never all pass a check that none of them has written yet.
// Invariant: for every rule, the requests admitted in a window are at most its limit (for a
// growing rule: `limit`, then one per delay). A success that should not count gives its slot back.
import type { InStatement, ResultSet } from '@libsql/client';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Deps } from '../ports.ts';
import { toHex } from './crypto.ts';

export interface Rule {
  key: string;
  limit: number;
  windowMs: number;
  /** After `limit`, one more attempt per delay (base·2^(n−limit), capped) instead of none until the window ends. */
  growing?: { baseMs: number; maxMs: number };
  /** What a refusal means when it is not "try again later": the consumer code is locked, or passwords are refused until a reset or another way in. */
  locks?: 'consumer_locked' | 'password_locked';
}

/** An SQL condition with its positional arguments, for statements riding in a reservation's batch. */
export interface Condition {
  sql: string;
  args: (string | number)[];
}

export interface Refusal {
  rule: Rule;
  retryAfter: number;
}

// The upsert admits (and returns a row) only while the window has room; a refused request
// changes nothing, so hammering a full window does not push it further out.
const RESERVE_SQL = `
  INSERT INTO throttles (key, window_start, count, blocked_until, nonce) VALUES (:key, :now, 1, :firstBlock, :nonce)
  ON CONFLICT(key) DO UPDATE SET
    nonce = :nonce,
    count = CASE WHEN window_start + :win <= :now THEN 1 ELSE count + 1 END,
    blocked_until = CASE
      WHEN :growing = 0 THEN 0
      WHEN (CASE WHEN window_start + :win <= :now THEN 1 ELSE count + 1 END) >= :limit
        THEN :now + MIN(:maxMs, :baseMs << MIN((CASE WHEN window_start + :win <= :now THEN 1 ELSE count + 1 END) - :limit, 30))
      ELSE 0 END,
    window_start = CASE WHEN window_start + :win <= :now THEN :now ELSE window_start END
  WHERE window_start + :win <= :now OR (count < :limit AND blocked_until <= :now) OR (:growing = 1 AND blocked_until <= :now)
  RETURNING count`;

const STATE_SQL = 'SELECT key, window_start, count, blocked_until FROM throttles WHERE key = ?';

function reserveStatement(r: Rule, now: number, nonce: string): InStatement {
  const g = r.growing;
  const firstBlock = g && r.limit <= 1 ? now + g.baseMs : 0;
  return {
    sql: RESERVE_SQL,
    args: {
      key: r.key,
      now,
      nonce,
      win: r.windowMs,
      limit: r.limit,
      firstBlock,
      growing: g ? 1 : 0,
      baseMs: g?.baseMs ?? 0,
      maxMs: g?.maxMs ?? 0,
    },
  };
}

/**
 * In the same transaction: when some rule refused (fewer rows carry this request's nonce than
 * there are rules), the slots the others gave are handed back at once, so no parallel request
 * ever sees a slot held by a request that was refused elsewhere (a burst on one code must not
 * fill the total count and read as a lock).
 */
function giveBackStatement(rules: Rule[], nonce: string): InStatement {
  const keys = rules.map((r) => r.key);
  const marks = keys.map(() => '?').join(', ');
  const limitOf = `CASE key ${rules.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  return {
    sql: `UPDATE throttles SET count = MAX(0, count - 1), blocked_until = CASE WHEN count - 1 < ${limitOf} THEN 0 ELSE blocked_until END
      WHERE key IN (${marks}) AND nonce = ?
        AND (SELECT count(*) FROM throttles t WHERE t.key IN (${marks}) AND t.nonce = ?) < ?`,
    args: [...rules.flatMap((r) => [r.key, r.limit]), ...keys, nonce, ...keys, nonce, rules.length],
  };
}

function retryAfter(r: Rule, row: Record<string, unknown> | undefined, now: number): number {
  if (!row) return 1;
  const until = r.growing ? Number(row.blocked_until) : Number(row.window_start) + r.windowMs;
  return Math.max(1, Math.ceil((until - now) / 1000));
}

/**
 * Reserves one slot under every rule in one write transaction (one round trip), with `alongside`
 * statements riding in the same batch (their results are returned). When any rule refuses, the
 * slots the others gave are handed back in that same transaction (unless `independent`: each
 * rule then stands alone) and the first refusal is returned; `refused(rule)` tells about each one.
 */
export async function reserve(
  deps: Pick<Deps, 'db' | 'now' | 'randomBytes'>,
  rules: Rule[],
  alongside: InStatement[] | ((held: Condition) => InStatement[]) = [],
  opts: { independent?: boolean } = {},
) {
  const { db } = deps;
  const now = deps.now();
  const nonce = toHex(deps.randomBytes(12));
  // `held` (a condition for statements riding along): this request holds a slot under every rule.
  const held: Condition = {
    sql: `(SELECT count(*) FROM throttles WHERE key IN (${rules.map(() => '?').join(', ')}) AND nonce = ?) = ?`,
    args: [...rules.map((r) => r.key), nonce, rules.length],
  };
  if (typeof alongside === 'function') alongside = alongside(held);
  const together = rules.length > 1 && !opts.independent;
  const statements: InStatement[] = [
    ...rules.map((r) => reserveStatement(r, now, nonce)),
    ...(together ? [giveBackStatement(rules, nonce)] : []),
    ...rules.map((r) => ({ sql: STATE_SQL, args: [r.key] })),
    ...alongside,
  ];
  const results = statements.length ? await db.$client.batch(statements, 'write') : [];
  const stateAt = rules.length + (together ? 1 : 0);
  const refusals = new Map<Rule, Refusal>();
  rules.forEach((r, i) => {
    if (results[i].rows.length === 0)
      refusals.set(r, { rule: r, retryAfter: retryAfter(r, results[stateAt + i].rows[0], now) });
  });
  const admitted = rules.filter((r) => !refusals.has(r));
  return {
    refusal: refusals.values().next().value as Refusal | undefined,
    refused: (r: Rule) => refusals.get(r),
    /** Slots still free under an admitted rule after this request's (0 for a refused one). */
    left: (r: Rule) => {
      const i = rules.indexOf(r);
      if (i < 0 || refusals.has(r)) return 0;
      return Math.max(0, r.limit - Number(results[stateAt + i].rows[0]?.count ?? r.limit));
    },
    /** The rules that hold a slot for this request (none after a refusal, unless `independent`). */
    admitted: together && refusals.size ? [] : admitted,
    extra: results.slice(stateAt + rules.length) as ResultSet[],
  };
}

/** Statements that give a reserved slot back (a success that is not a failure, or a refusal elsewhere). */
export function releaseStatements(rules: Rule[]): InStatement[] {
  return rules.flatMap((r) => [
    {
      sql: `UPDATE throttles SET count = MAX(0, count - 1),
        blocked_until = CASE WHEN count - 1 < :limit THEN 0 ELSE blocked_until END WHERE key = :key`,
      args: { key: r.key, limit: r.limit },
    },
    // A counter back at zero carries nothing: the row goes.
    { sql: 'DELETE FROM throttles WHERE key = ? AND count = 0 AND blocked_until = 0', args: [r.key] },
  ]);
}

export async function release(db: Db, rules: Rule[]): Promise<void> {
  if (rules.length) await db.$client.batch(releaseStatements(rules), 'write');
}

/** Forgets keys altogether (a correct password clears the account's failures, the utility unlocks a code). */
export function clearStatement(...keys: string[]): InStatement {
  return { sql: `DELETE FROM throttles WHERE key IN (${keys.map(() => '?').join(', ')})`, args: keys };
}

/** Runs `work` holding the slots; when it throws (a busy hasher's 503, a lost database), the slots are given back: no answer was decided. */
export async function holding<T>(db: Db, rules: Rule[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    await release(db, rules).catch(() => undefined);
    throw e;
  }
}

/** Forgets a key inside a drizzle batch, where `guard` holds (a reset's token guard). */
export const clearWhen = (db: Db, key: string, guard: SQL) =>
  db.run(sql`DELETE FROM throttles WHERE key = ${key} AND ${guard}`);

/** Gives a reserved slot back inside a drizzle batch, where `guard` holds (a login code's guard). */
export const releaseWhen = (db: Db, r: Rule, guard: SQL) => [
  db.run(sql`UPDATE throttles SET count = MAX(0, count - 1),
    blocked_until = CASE WHEN count - 1 < ${r.limit} THEN 0 ELSE blocked_until END WHERE key = ${r.key} AND ${guard}`),
  db.run(sql`DELETE FROM throttles WHERE key = ${r.key} AND count = 0 AND blocked_until = 0 AND ${guard}`),
];
