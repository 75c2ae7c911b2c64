// The session middleware of the account and bill routes: 401 `unauthenticated` without a valid
// session, else `c.var.session` for the handlers (one read, however many checks they make).
import { createMiddleware } from 'hono/factory';
import { currentSession } from '../auth/sessions.ts';
import { fail } from '../http/errors.ts';
import type { AccountEnv } from '../env.ts';
import { documented } from '../openapi/tags.ts';

export const requireSession = documented(
  createMiddleware<AccountEnv>(async (c, next) => {
    const s = await currentSession(c, c.var.deps);
    if (!s) throw fail('unauthenticated');
    c.set('session', s);
    await next();
  }),
  { security: 'session', errors: ['unauthenticated'] },
);
