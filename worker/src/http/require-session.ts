import type { Context } from 'hono';
import { currentSession, type CurrentSession } from '../auth/sessions.ts';
import type { Deps } from '../ports.ts';
import { ApiError } from './errors.ts';

export async function requireSession(c: Context, deps: Deps): Promise<CurrentSession> {
  const s = await currentSession(c, deps);
  if (!s) throw new ApiError(401, 'unauthenticated');
  return s;
}
