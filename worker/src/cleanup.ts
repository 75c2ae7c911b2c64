// Periodic cleanup: unconfirmed accounts past the confirmation window (their consumer codes
// are released), spent tokens, expired sessions, stale throttling rows and old sent mail.
import { sql } from 'drizzle-orm';
import type { Deps } from './ports.ts';
import { expiredThrottlesStatement } from './auth/throttle.ts';

const DAY = 24 * 3600_000;

export async function cleanup(deps: Deps) {
  const { db, config } = deps;
  const now = deps.now();
  const stale = sql`SELECT id FROM accounts WHERE confirmed_at IS NULL AND created_at < ${now - config.confirmTtlMs}`;
  const results = await db.batch([
    db.run(sql`DELETE FROM account_consumers WHERE account_id IN (${stale})`),
    db.run(sql`DELETE FROM consents WHERE account_id IN (${stale})`),
    db.run(sql`DELETE FROM tokens WHERE account_id IN (${stale}) OR expires_at < ${now}`),
    db.run(sql`DELETE FROM sessions WHERE account_id IN (${stale}) OR expires_at < ${now}`),
    db.run(sql`DELETE FROM accounts WHERE id IN (${stale})`),
    expiredThrottlesStatement(db, now, Math.max(3600_000, config.limits.pinWindowMs, config.limits.loginWindowMs, config.limits.loginAccountWindowMs)),
    db.run(sql`DELETE FROM outbox WHERE status = 'sent' AND sent_at < ${now - 30 * DAY}`),
  ]);
  return { accountsRemoved: results[4].rowsAffected };
}
