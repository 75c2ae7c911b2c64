// POST /api/confirm: uses a confirmation token once — either a registration (the account
// becomes confirmed) or an e-mail change (the account takes the new address).
import type { Context } from 'hono';
import { eq, sql } from 'drizzle-orm';
import { tokens } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { sha256Hex } from '../auth/crypto.ts';
import { useToken } from '../auth/tokens.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { AppContext } from '../app.ts';

export function confirm({ deps, schemas }: AppContext) {
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.confirm);
    const hash = await sha256Hex(input.token);
    const [pending] = await db.select({ purpose: tokens.purpose }).from(tokens).where(eq(tokens.hash, hash));
    if (!pending || pending.purpose === 'reset') throw new ApiError(400, 'invalid_token');
    const t = await useToken(deps, input.token, pending.purpose);
    const now = deps.now();
    const apply =
      pending.purpose === 'confirm'
        ? sql`UPDATE accounts SET confirmed_at = COALESCE(confirmed_at, ${now}), updated_at = ${now} WHERE id = ${t.accountOf}`
        : sql`UPDATE accounts SET email = (SELECT payload FROM tokens WHERE hash = ${hash}), confirmed_at = COALESCE(confirmed_at, ${now}),
            updated_at = ${now} WHERE id = ${t.accountOf}`;
    try {
      const [used] = await db.batch([t.use, db.run(apply)]);
      if (used.length === 0) throw new ApiError(400, 'invalid_token');
    } catch (err) {
      // Someone registered the new address between the request and its confirmation.
      if (isUniqueViolation(err, 'accounts.email')) throw new ApiError(409, 'email_taken');
      throw err;
    }
    return c.json({ status: pending.purpose === 'confirm' ? 'confirmed' : 'email_changed' }, 200);
  };
}
