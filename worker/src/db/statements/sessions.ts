// Named statements on sessions (the insert and the current-session read live with the session
// cookie in auth/sessions.ts; account-wide events in auth/account-state.ts).
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../ports.ts';
import { sessions } from '../schema.ts';

/** Sessions are named by a prefix of their hash: enough to tell them apart, useless as a credential. */
export const publicSessionId = (hash: string) => hash.slice(0, 16);

export const liveSessions = (db: Db, accountId: string, now: number) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));

/** One of the account's own sessions by its public id (rowsAffected 0: not the account's). */
export const revokeByPublicId = (db: Db, accountId: string, id: string) =>
  db.delete(sessions).where(and(eq(sessions.accountId, accountId), sql`substr(${sessions.hash}, 1, 16) = ${id}`));
