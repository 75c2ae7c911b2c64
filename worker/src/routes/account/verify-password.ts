// Re-entering the password for sensitive changes. The action is counted first (per account per
// day and per address: e-mail change, password change, delete), and the attempt too (per
// session and per address, a right password gives the slot back), so a stolen session is no
// side door for guessing and a right password cannot be replayed to flood Argon2.
import type { Context } from 'hono';
import { ApiError, refusedError } from '../../http/errors.ts';
import { holding, releaseStatements, reserve } from '../../auth/throttle.ts';
import { checkPassword } from '../../auth/passwords.ts';
import type { AccountAction } from '../../auth/limits.ts';
import type { CurrentSession } from '../../auth/sessions.ts';
import type { AppContext } from '../../app.ts';

export async function verifyPassword(ctx: AppContext, c: Context, s: CurrentSession, action: AccountAction, password: string): Promise<void> {
  const { db } = ctx.deps;
  const ip = ctx.clientIp(c);
  const attempt = ctx.limits.reverify(s.hash, ip);
  const rules = [...ctx.limits.account(action, s.account.id, ip), ...attempt, ctx.limits.passwordWork(ip)];
  const r = await reserve(db, rules, ctx.deps.now(), [
    { sql: 'SELECT password_hash FROM accounts WHERE id = ?', args: [s.account.id] },
  ]);
  if (r.refusal) throw refusedError(r.refusal);
  const row = r.extra[0].rows[0];
  const check = row ? await holding(db, rules, () => checkPassword(ctx.deps.hasher, String(row.password_hash), password)) : { ok: false };
  if (!check.ok) throw new ApiError(403, 'wrong_password', { password: 'wrong_password' });
  await db.$client.batch(releaseStatements(attempt), 'write');
}

/** Counts an account action that needs no password (linking a code, the export) first. */
export async function countAccountAction(ctx: AppContext, c: Context, s: CurrentSession, action: AccountAction): Promise<void> {
  const r = await reserve(ctx.deps.db, ctx.limits.account(action, s.account.id, ctx.clientIp(c)), ctx.deps.now());
  if (r.refusal) throw refusedError(r.refusal);
}
