// GET /api/me and POST /api/logout.
import type { Context } from 'hono';
import { ApiError } from '../http/errors.ts';
import { clearSessionCookie, currentSession, revokeStatement, sessionToken } from '../auth/sessions.ts';
import { sha256Hex } from '../auth/crypto.ts';
import type { AppContext } from '../app.ts';

export function me({ deps }: AppContext) {
  return async (c: Context) => {
    const s = await currentSession(c, deps);
    if (!s) throw new ApiError(401, 'unauthenticated');
    return c.json({ account: s.account }, 200);
  };
}

export function logout({ deps }: AppContext) {
  return async (c: Context) => {
    const token = sessionToken(c, deps);
    if (token) await revokeStatement(deps, await sha256Hex(token));
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  };
}
