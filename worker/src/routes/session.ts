// GET /api/me and POST /api/logout. /api/me answers "nobody is logged in" with 200 {account: null},
// not 401: every anonymous visit of the utility's site asks it, and a 401 would be a console error
// on each of them. The account's own endpoints keep 401 unauthenticated.
import { clearSessionCookie, currentSession, revokeStatement, sessionToken } from '../auth/sessions.ts';
import { sha256Hex } from '../auth/crypto.ts';
import type { Ctx } from '../env.ts';
import type { MeAnswer } from '../../../contract/responses.ts';

export async function me(c: Ctx) {
  const s = await currentSession(c, c.var.deps);
  return c.json({ account: s?.account ?? null } satisfies MeAnswer, 200);
}

export async function logout(c: Ctx) {
  const { deps } = c.var;
  const token = sessionToken(c, deps);
  if (token) await revokeStatement(deps, await sha256Hex(token));
  clearSessionCookie(c, deps);
  return c.body(null, 204);
}
