// POST /api/login: one Argon2 verification whether or not the e-mail is known; failures
// are counted per e-mail (growing delays) and per IP in the database.
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { accounts, accountConsumers, consumers } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { ApiError, tooManyAttempts } from '../http/errors.ts';
import { blockedQuery, clearStatement, hitStatement, retryAfterSeconds, type Rule } from '../auth/throttle.ts';
import { newSession, setSessionCookie } from '../auth/sessions.ts';
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

export function login(ctx: AppContext) {
  const { deps, schemas } = ctx;
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.login);
    const now = deps.now();
    const rules = loginRules(deps, input.email, ctx.clientIp(c));
    const [blocked, rows] = await db.batch([
      blockedQuery(db, rules.map((r) => r.key), now),
      db
        .select({ id: accounts.id, passwordHash: accounts.passwordHash, confirmedAt: accounts.confirmedAt })
        .from(accounts)
        .where(eq(accounts.email, input.email)),
    ]);
    const retry = retryAfterSeconds(blocked, now);
    if (retry) throw tooManyAttempts(retry);

    const account = rows[0];
    const ok = await deps.hasher.verify(account?.passwordHash ?? DUMMY_HASH, input.password);
    if (!ok || !account) {
      await db.batch([hitStatement(db, rules[0], now), hitStatement(db, rules[1], now)]);
      throw new ApiError(401, 'invalid_credentials');
    }
    if (account.confirmedAt === null) throw new ApiError(403, 'email_not_confirmed');

    const session = await newSession(deps, account.id, input.remember, c.req.header('user-agent'));
    const [, , full, links] = await db.batch([
      session.stmt,
      clearStatement(db, rules[0].key),
      db
        .select({ id: accounts.id, name: accounts.name, email: accounts.email, emailBills: accounts.emailBills, locale: accounts.locale })
        .from(accounts)
        .where(eq(accounts.id, account.id)),
      db
        .select({ code: consumers.code, name: consumers.name, address: consumers.address })
        .from(accountConsumers)
        .innerJoin(consumers, eq(consumers.code, accountConsumers.consumerCode))
        .where(eq(accountConsumers.accountId, account.id))
        .orderBy(accountConsumers.linkedAt, consumers.code),
    ]);
    setSessionCookie(c, deps, session.token, input.remember);
    return c.json({ account: { ...full[0], consumers: links } }, 200);
  };
}
