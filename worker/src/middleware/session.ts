// The session middleware of the account and bill routes: 401 `unauthenticated` without a valid
// session, else `c.var.session` for the handlers (one read, however many checks they make).
import { createMiddleware } from 'hono/factory';
import { currentSession } from '../auth/sessions.ts';
import { ApiError } from '../http/errors.ts';
import type { AccountEnv } from '../env.ts';

export const requireSession = createMiddleware<AccountEnv>(async (c, next) => {
  const s = await currentSession(c, c.var.deps);
  if (!s) throw new ApiError(401, 'unauthenticated');
  c.set('session', s);
  await next();
});
