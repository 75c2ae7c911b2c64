// POST /api/confirm: uses the confirmation token once and confirms the account.
import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { useToken } from '../auth/tokens.ts';
import type { AppContext } from '../app.ts';

export function confirm({ deps, schemas }: AppContext) {
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.confirm);
    const t = await useToken(deps, input.token, 'confirm');
    const now = deps.now();
    const [used] = await db.batch([
      t.use,
      db.run(sql`UPDATE accounts SET confirmed_at = COALESCE(confirmed_at, ${now}), updated_at = ${now} WHERE id = ${t.accountOf}`),
    ]);
    if (used.length === 0) throw new ApiError(400, 'invalid_token');
    return c.json({ status: 'confirmed' }, 200);
  };
}
