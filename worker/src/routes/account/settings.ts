// POST /api/account/settings {emailBills?, locale?} and POST /api/account/password.
import type { Context } from 'hono';
import { eq, sql } from 'drizzle-orm';
import { accounts } from '../../db/schema.ts';
import { readBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { requireSession } from '../../http/require-session.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { verifyPassword } from './verify-password.ts';
import type { AppContext } from '../../app.ts';

export function updateSettings(ctx: AppContext) {
  const { deps, schemas } = ctx;
  return async (c: Context) => {
    const s = await requireSession(c, deps);
    const input = await readBody(c, schemas.settings);
    const changes = { ...(input.emailBills !== undefined && { emailBills: input.emailBills }), ...(input.locale && { locale: input.locale }) };
    if (Object.keys(changes).length) await deps.db.update(accounts).set({ ...changes, updatedAt: deps.now() }).where(eq(accounts.id, s.account.id));
    return c.json({ account: { ...s.account, ...changes } });
  };
}

/** Needs the current password; other sessions are revoked and a notice is mailed. */
export function changePassword(ctx: AppContext) {
  const { deps, schemas } = ctx;
  const { db } = deps;
  return async (c: Context) => {
    const s = await requireSession(c, deps);
    const input = await readBody(c, schemas.changePassword);
    const a = s.account;
    const problem = passwordProblem(input.newPassword, { name: a.name, email: a.email, consumerCode: a.consumers[0]?.code });
    if (problem) throw new ApiError(422, 'validation_failed', { newPassword: problem });
    await verifyPassword(ctx, c, a.id, a.email, input.currentPassword);
    const hash = await deps.hasher.hash(input.newPassword);
    const mail = enqueueStatement(deps, 'password_changed', a.email, composeMail(deps, 'password_changed', a.locale, a.name));
    await db.batch([
      db.update(accounts).set({ passwordHash: hash, updatedAt: deps.now() }).where(eq(accounts.id, a.id)),
      db.run(sql`DELETE FROM sessions WHERE account_id = ${a.id} AND hash <> ${s.hash}`),
      db.run(sql`UPDATE tokens SET used_at = ${deps.now()} WHERE account_id = ${a.id} AND purpose = 'reset' AND used_at IS NULL`),
      mail.stmt,
    ]);
    sendSoon(deps, [mail.id]);
    return c.json({ status: 'password_changed' });
  };
}
