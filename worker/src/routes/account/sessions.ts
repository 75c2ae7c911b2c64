// GET /api/account/sessions (each with its browser and system in words' terms), POST /api/account/sessions/revoke {id}, POST /api/account/sessions/revoke-all.
import { liveSessions, publicSessionId, revokeByPublicId } from '../../db/statements/sessions.ts';
import { fail } from '../../http/errors.ts';
import { clearSessionCookie } from '../../auth/sessions.ts';
import { accountEventStatements } from '../../auth/account-state.ts';
import { setDeviceCookie } from '../../auth/device-cookie.ts';
import type { AccountCtx } from '../../env.ts';
import type { SessionsAnswer } from '../../../../contract/responses.ts';
import { parseUserAgent } from '../../../../contract/user-agent.ts';

const publicId = publicSessionId;

export async function listSessions(c: AccountCtx) {
  const { deps } = c.var;
  const s = c.var.session;
  const rows = await liveSessions(deps.db, s.account.id, deps.now());
  return c.json({
    sessions: rows.map((r) => ({
      id: publicId(r.hash),
      current: r.hash === s.hash,
      remember: r.remember,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      userAgent: r.userAgent,
      device: parseUserAgent(r.userAgent),
    })),
  } satisfies SessionsAnswer);
}

export async function revokeSession(c: AccountCtx<'revokeSession'>) {
  const { deps } = c.var;
  const s = c.var.session;
  const input = c.req.valid('json');
  const r = await revokeByPublicId(deps.db, s.account.id, input.id);
  if (r.rowsAffected === 0) throw fail('not_found');
  if (publicId(s.hash) === input.id) clearSessionCookie(c, deps);
  return c.body(null, 204);
}

/** "Log out everywhere" (an account-wide event): every session (or every other one with keepCurrent), link, code and device cookie, and the passkeys if asked. */
export async function revokeAllSessions(c: AccountCtx<'revokeAll'>) {
  const { deps } = c.var;
  const s = c.var.session;
  const input = c.req.valid('json');
  await deps.db.batch(
    accountEventStatements(deps, s.account.id, 'logged_out_everywhere', {
      actorSession: input.keepCurrent ? s.hash : undefined,
      passkeys: input.passkeys ? 'all' : undefined,
    }),
  );
  if (input.keepCurrent) await setDeviceCookie(c, deps, s.account.id, s.account.email);
  else clearSessionCookie(c, deps);
  return c.body(null, 204);
}
