// POST /api/login: one Argon2 verification whether or not the e-mail is known; failures
// are counted per e-mail (growing delays) and per IP in the database.
import type { Context } from 'hono';
import type { Deps } from '../ports.ts';
import { readBody } from '../http/body.ts';
import { ApiError, tooManyAttempts } from '../http/errors.ts';
import { clearStatement, hitStatement, retryAfterSeconds, type Rule } from '../auth/throttle.ts';
import { ACCOUNT_COLUMNS, accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import type { AppContext } from '../app.ts';

// Argon2id (m=19456, t=2, p=1) of a random secret: verified for unknown e-mails so both paths cost the same.
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Fr45+zrWHvDHBoOeW4Ji6A$ix9+TZIDYraUMVTOTYQEXUZ+uFbSVTRmQrQ9fSPvZa8';

export function loginRules(deps: Deps, email: string, ip: string): [Rule, Rule] {
  const l = deps.config.limits;
  return [
    { key: `login:email:${email}`, limit: l.loginFreeFailures, windowMs: l.loginAccountWindowMs, growing: { baseMs: 1000, maxMs: l.loginMaxDelayMs } },
    { key: `login:ip:${ip}`, limit: l.loginIpMaxFailures, windowMs: l.loginWindowMs },
  ];
}

const LOGIN_READ_SQL = `
  SELECT (SELECT max(blocked_until) FROM throttles WHERE key IN (?, ?) AND blocked_until > ?) AS blocked_until,
    EXISTS (SELECT 1 FROM throttles WHERE key = ?) AS failures, a.password_hash, a.confirmed_at, ${ACCOUNT_COLUMNS}
  FROM (SELECT 1) LEFT JOIN accounts a ON a.email = ?`;

export function login(ctx: AppContext) {
  const { deps, schemas } = ctx;
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.login);
    const now = deps.now();
    const rules = loginRules(deps, input.email, ctx.clientIp(c));
    // One read: how long the e-mail or the IP is still blocked, and the account (if any).
    const row = (await db.$client.execute({ sql: LOGIN_READ_SQL, args: [rules[0].key, rules[1].key, now, rules[0].key, input.email] })).rows[0];
    const retry = retryAfterSeconds([{ blockedUntil: Number(row.blocked_until ?? 0) }], now);
    if (retry) throw tooManyAttempts(retry);

    const known = row.id !== null;
    const ok = await deps.hasher.verify(known ? String(row.password_hash) : DUMMY_HASH, input.password);
    if (!ok || !known) {
      await db.batch([hitStatement(db, rules[0], now), hitStatement(db, rules[1], now)]);
      throw new ApiError(401, 'invalid_credentials');
    }
    if (row.confirmed_at === null) throw new ApiError(403, 'email_not_confirmed');

    const account = accountFromRow(row);
    const session = await newSession(deps, account.id, input.remember, c.req.header('user-agent'));
    // Earlier failures for this e-mail are forgotten; usually there are none, and the session
    // insert goes alone (a single statement needs no transaction).
    if (Number(row.failures) === 1) await db.batch([session.stmt, clearStatement(db, rules[0].key)]);
    else await session.stmt;
    setSessionCookie(c, deps, session.token, input.remember);
    return c.json({ account }, 200);
  };
}
