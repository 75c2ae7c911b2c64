// Re-entering the password for sensitive changes. The action is counted first (per account per
// day and per address: e-mail change, password change, delete), and the attempt too (per
// session and per address, a right password gives the slot back), so a stolen session is no
// side door for guessing and a right password cannot be replayed to flood Argon2.
import { fail, refusedError } from '../http/errors.ts';
import { holding, releaseStatements, reserve } from './throttle.ts';
import { checkPassword } from './passwords.ts';
import type { AccountAction } from './limits.ts';
import type { AccountCtx } from '../env.ts';
import { passwordHashOf } from '../db/statements/accounts.ts';

export async function verifyPassword(c: AccountCtx, action: AccountAction, password: string): Promise<void> {
  const { deps, limits, clientIp: ip, session: s } = c.var;
  const { db } = deps;
  const attempt = limits.reverify(s.hash, ip);
  const rules = [...limits.account(action, s.account.id, ip), ...attempt, limits.passwordWork(ip)];
  const r = await reserve(deps, rules, [passwordHashOf(s.account.id)]);
  if (r.refusal) throw refusedError(r.refusal);
  const row = r.extra[0].rows[0];
  const check = row
    ? await holding(db, rules, () => checkPassword(deps.hasher, String(row.password_hash), password))
    : { ok: false };
  if (!check.ok) throw fail('wrong_password', { fields: { password: 'wrong_password' } });
  await db.$client.batch(releaseStatements(attempt), 'write');
}

/** Counts an account action that needs no password (linking a code, the export) first. */
export async function countAccountAction(c: AccountCtx, action: AccountAction): Promise<void> {
  const { deps, limits, clientIp, session } = c.var;
  const r = await reserve(deps, limits.account(action, session.account.id, clientIp));
  if (r.refusal) throw refusedError(r.refusal);
}
