// Periodic cleanup: unconfirmed registrations past the confirmation window (contract/links.ts), spent tokens
// and login codes, expired sessions, throttling rows whose window is over (never the permanent PIN locks); a sent
// mail's bodies after MAIL_BODY_RETENTION_H (its one-time links with them), its record
// after 30 days; passkey challenges past their 5 minutes; the password ceiling's count of an
// address that has no account, a month after its first failure (it is kept for addresses that do
// until a login or a reset, and for a month for the others so the ceiling tells nothing about which
// addresses have accounts).
import { sql } from 'drizzle-orm';
import type { Deps } from './ports.ts';
import { limitsPolicy, LOGIN_CEILING_PREFIX, PERMANENT_PREFIX } from './auth/limits.ts';

const MONTH = 30 * 24 * 3600_000;

export async function cleanup(deps: Deps) {
  const { db, config } = deps;
  const now = deps.now();
  const windowMs = limitsPolicy(config.limits).longestWindowMs();
  const stale = sql`SELECT id FROM accounts WHERE confirmed_at IS NULL AND created_at < ${now - config.confirmTtlMs}`;
  const results = await db.batch([
    db.run(sql`DELETE FROM account_consumers WHERE account_id IN (${stale})`),
    db.run(sql`DELETE FROM consents WHERE account_id IN (${stale})`),
    db.run(sql`DELETE FROM tokens WHERE account_id IN (${stale}) OR expires_at < ${now}`),
    db.run(sql`DELETE FROM sessions WHERE account_id IN (${stale}) OR expires_at < ${now}
      OR last_seen_at < ${now} - CASE WHEN remember THEN ${config.sessionRememberIdleMs} ELSE ${config.sessionBrowserIdleMs} END`),
    db.run(sql`DELETE FROM accounts WHERE id IN (${stale})`),
    db.run(sql`DELETE FROM throttles WHERE window_start + ${windowMs} < ${now} AND blocked_until < ${now}
      AND substr(key, 1, ${PERMANENT_PREFIX.length}) <> ${PERMANENT_PREFIX}`),
    db.run(sql`DELETE FROM throttles WHERE substr(key, 1, ${LOGIN_CEILING_PREFIX.length}) = ${LOGIN_CEILING_PREFIX}
      AND window_start < ${now - MONTH} AND substr(key, ${LOGIN_CEILING_PREFIX.length + 1}) NOT IN (SELECT email FROM accounts)`),
    db.run(sql`UPDATE outbox SET text_body = '', html_body = '', headers = NULL, attachments = NULL
      WHERE text_body <> '' AND sent_at < ${now - config.mailBodyRetentionMs}`),
    db.run(sql`DELETE FROM outbox WHERE status IN ('sent', 'cancelled') AND sent_at < ${now - config.mailAuditMs}`),
    db.run(sql`DELETE FROM webauthn_challenges WHERE expires_at <= ${now}`),
    db.run(sql`DELETE FROM login_codes WHERE expires_at < ${now} OR used_at IS NOT NULL`),
  ]);
  return { accountsRemoved: results[4].rowsAffected };
}
