// The office's overview (Pregled) as two aggregate reads: registrations begun (accounts.created_at),
// confirmed (accounts.confirmed_at) and residents' logins (sessions.created_at) per week since
// `from`; and the portal's counts now, the PIN locks among them read from the throttle rows as
// the consumer card reads one code's (routes/staff/consumers.ts `pinState`).
import type { Db } from '../../ports.ts';
import type { Rule } from '../../auth/throttle.ts';

type Exec = Pick<Db['$client'], 'execute'>;

export const WEEK_MS = 7 * 24 * 3600_000;

export type WeekCounts = Map<number, { registrations: number; confirmed: number; logins: number }>;

/** Per week index (0: the week beginning at `from`), of the `weeks` weeks from `from`. */
export async function weekCounts(db: Exec, from: number, weeks: number): Promise<WeekCounts> {
  const to = from + weeks * WEEK_MS;
  // Integer division (a bound number may arrive as a REAL).
  const per = (what: string, table: string, column: string) =>
    `SELECT '${what}' AS what, (${column} - CAST(:from AS INTEGER)) / ${WEEK_MS} AS week, count(*) AS n
      FROM ${table} WHERE ${column} >= :from AND ${column} < :to GROUP BY 2`;
  const rs = await db.execute({
    sql: [
      per('registrations', 'accounts', 'created_at'),
      per('confirmed', 'accounts', 'confirmed_at'),
      per('logins', 'sessions', 'created_at'),
    ].join(' UNION ALL '),
    args: { from, to },
  });
  const out: WeekCounts = new Map();
  for (const r of rs.rows) {
    const week = Number(r.week);
    const counts = out.get(week) ?? { registrations: 0, confirmed: 0, logins: 0 };
    counts[String(r.what) as 'registrations' | 'confirmed' | 'logins'] = Number(r.n);
    out.set(week, counts);
  }
  return out;
}

/** One rule of a code's PIN lock (auth/limits.ts `pin`), with the code cut off its key. */
export interface PinLockRule {
  prefix: string;
  rule: Pick<Rule, 'limit' | 'windowMs' | 'growing'>;
}

/**
 * The counts now. A code's PIN is locked when its growing rule's block lasts, or a windowed rule's
 * window is open with its limit reached; each rule's rows are read by their key's range.
 */
export async function portalCounts(db: Exec, pinRules: PinLockRule[], now: number) {
  const locks = pinRules.map((p) => ({
    sql: `SELECT substr(key, ${p.prefix.length + 1}) AS code FROM throttles WHERE key > ? AND key < ? AND ${
      p.rule.growing ? 'blocked_until > ?' : `window_start + ${p.rule.windowMs} > ? AND count >= ${p.rule.limit}`
    }`,
    args: [p.prefix, `${p.prefix}\uffff`, now],
  }));
  const rs = await db.execute({
    sql: `SELECT (SELECT count(*) FROM consumers) AS consumers,
        (SELECT count(*) FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id
          WHERE a.confirmed_at IS NOT NULL) AS registered,
        (SELECT count(*) FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id
          WHERE a.confirmed_at IS NOT NULL AND a.email_bills = 1 AND a.undeliverable_at IS NULL) AS email_bills,
        (SELECT count(*) FROM accounts a WHERE a.confirmed_at IS NOT NULL
          AND EXISTS (SELECT 1 FROM passkeys p WHERE p.account_id = a.id)) AS with_passkey,
        (SELECT count(*) FROM accounts WHERE confirmed_at IS NOT NULL) AS accounts,
        (SELECT count(*) FROM accounts WHERE undeliverable_at IS NOT NULL) AS undeliverable,
        (SELECT count(*) FROM (${locks.map((l) => l.sql).join(' UNION ')})) AS locked_codes`,
    args: locks.flatMap((l) => l.args),
  });
  const r = rs.rows[0];
  return {
    consumers: Number(r.consumers),
    registered: Number(r.registered),
    emailBills: Number(r.email_bills),
    accountsWithPasskey: Number(r.with_passkey),
    accounts: Number(r.accounts),
    undeliverable: Number(r.undeliverable),
    lockedCodes: Number(r.locked_codes),
  };
}
