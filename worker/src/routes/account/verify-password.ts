// Re-entering the password for sensitive changes: one Argon2 verification, failures count
// towards the same per-e-mail login throttle, so this is no side door for guessing.
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema.ts';
import { ApiError, tooManyAttempts } from '../../http/errors.ts';
import { blockedQuery, hitStatement, retryAfterSeconds } from '../../auth/throttle.ts';
import { loginRules } from '../login.ts';
import type { AppContext } from '../../app.ts';
import type { Context } from 'hono';

export async function verifyPassword(ctx: AppContext, c: Context, accountId: string, email: string, password: string): Promise<void> {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  const rules = loginRules(ctx.deps, email, ctx.clientIp(c));
  const [blocked, [row]] = await db.batch([
    blockedQuery(db, rules.map((r) => r.key), now),
    db.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId)),
  ]);
  const retry = retryAfterSeconds(blocked, now);
  if (retry) throw tooManyAttempts(retry);
  if (!row || !(await ctx.deps.hasher.verify(row.passwordHash, password))) {
    await db.batch([hitStatement(db, rules[0], now), hitStatement(db, rules[1], now)]);
    throw new ApiError(403, 'wrong_password', { password: 'wrong_password' });
  }
}
