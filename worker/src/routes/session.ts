// GET /api/me and POST /api/logout.
import { ApiError } from '../http/errors.ts';
import { clearSessionCookie, currentSession, revokeStatement, sessionToken } from '../auth/sessions.ts';
import { sha256Hex } from '../auth/crypto.ts';
import type { Ctx } from '../env.ts';
import type { AccountAnswer } from '../../../contract/responses.ts';

export async function me(c: Ctx) {
  const s = await currentSession(c, c.var.deps);
  if (!s) throw new ApiError(401, 'unauthenticated');
  return c.json({ account: s.account } satisfies AccountAnswer, 200);
}

export async function logout(c: Ctx) {
  const { deps } = c.var;
  const token = sessionToken(c, deps);
  if (token) await revokeStatement(deps, await sha256Hex(token));
  clearSessionCookie(c, deps);
  return c.body(null, 204);
}
