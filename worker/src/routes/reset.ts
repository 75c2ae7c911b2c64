// POST /api/password/reset: new password, every session revoked, a notice mailed; no login.
import type { Context } from 'hono';
import { eq, sql } from 'drizzle-orm';
import { accounts, accountConsumers } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { peekToken, useToken } from '../auth/tokens.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import type { AppContext } from '../app.ts';

export function resetPassword({ deps, schemas }: AppContext) {
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.reset);
    const accountId = await peekToken(deps, input.token, 'reset');
    if (!accountId) throw new ApiError(400, 'invalid_token');
    const [account] = await db
      .select({ name: accounts.name, email: accounts.email, locale: accounts.locale, code: accountConsumers.consumerCode })
      .from(accounts)
      .leftJoin(accountConsumers, eq(accountConsumers.accountId, accounts.id))
      .where(eq(accounts.id, accountId))
      .limit(1);
    if (!account) throw new ApiError(400, 'invalid_token');
    const problem = passwordProblem(input.password, { name: account.name, email: account.email, consumerCode: account.code ?? undefined });
    if (problem) throw new ApiError(422, 'validation_failed', { password: problem });

    const passwordHash = await deps.hasher.hash(input.password);
    const t = await useToken(deps, input.token, 'reset');
    const now = deps.now();
    const mail = enqueueStatement(deps, 'password_changed', account.email, composeMail(deps, 'password_changed', account.locale, account.name), t.guard);
    // Everything after `use` applies only if this request is the one that used the token.
    // Opening the reset link proves the mailbox, so an unconfirmed account becomes confirmed.
    const [used] = await db.batch([
      t.use,
      db.run(sql`UPDATE accounts SET password_hash = ${passwordHash}, confirmed_at = COALESCE(confirmed_at, ${now}), updated_at = ${now}
        WHERE id = ${accountId} AND ${t.guard}`),
      db.run(sql`DELETE FROM sessions WHERE account_id = ${accountId} AND ${t.guard}`),
      db.run(sql`UPDATE tokens SET used_at = ${now} WHERE account_id = ${accountId} AND purpose = 'reset' AND used_at IS NULL AND ${t.guard}`),
      mail.stmt,
    ]);
    if (used.length === 0) throw new ApiError(400, 'invalid_token');
    sendSoon(deps, [mail.id]);
    return c.json({ status: 'password_reset' }, 200);
  };
}
