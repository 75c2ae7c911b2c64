// GET /api/account/sessions, POST /api/account/sessions/revoke {id}, POST /api/account/sessions/revoke-all.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { sessions } from '../../db/schema.ts';
import { readBody } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { clearSessionCookie } from '../../auth/sessions.ts';
import { revokeAccountStatements } from '../../auth/revocation.ts';
import type { AccountCtx } from '../../env.ts';

// Sessions are named by a prefix of their hash: enough to tell them apart, useless as a credential.
const publicId = (hash: string) => hash.slice(0, 16);

export async function listSessions(c: AccountCtx) {
    const { deps } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const rows = await deps.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, s.account.id), gt(sessions.expiresAt, deps.now())))
      .orderBy(desc(sessions.lastSeenAt));
    return c.json({
      sessions: rows.map((r) => ({
        id: publicId(r.hash), current: r.hash === s.hash, remember: r.remember,
        createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, userAgent: r.userAgent,
      })),
    });
}

export async function revokeSession(c: AccountCtx) {
    const { deps, schemas } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const input = await readBody(c, schemas.revokeSession);
    const r = await deps.db.delete(sessions).where(and(eq(sessions.accountId, s.account.id), sql`substr(${sessions.hash}, 1, 16) = ${input.id}`));
    if (r.rowsAffected === 0) throw new ApiError(404, 'not_found');
    if (publicId(s.hash) === input.id) clearSessionCookie(c, deps);
    return c.body(null, 204);
}

/** "Log out everywhere": every session of the account (or every other one with keepCurrent) and every open link. */
export async function revokeAllSessions(c: AccountCtx) {
    const { deps, schemas } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const input = await readBody(c, schemas.revokeAll);
    await deps.db.batch(revokeAccountStatements(deps, s.account.id, { keepSession: input.keepCurrent ? s.hash : undefined }));
    if (!input.keepCurrent) clearSessionCookie(c, deps);
    return c.body(null, 204);
}
