// Named statements on passkeys and WebAuthn challenges. The login's are raw statements (the
// verification costs two round trips: take the challenge with the passkey, then record the use
// with the session); the account area's are drizzle queries.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Db } from '../../ports.ts';
import { passkeys } from '../schema.ts';
import { ACCOUNT_COLUMNS } from '../../auth/sessions.ts';
import { VERSION_OF_SQL } from '../../auth/account-state.ts';

export type ChallengePurpose = 'register' | 'login';

/** A challenge's hash, who asked for it (a registration: the account, its session and security version) and until when it holds. */
export const insertChallenge = (
  hash: string,
  purpose: ChallengePurpose,
  owner: { accountId: string; sessionHash: string } | null,
  expiresAt: number,
  now: number,
): InStatement => ({
  sql: `INSERT INTO webauthn_challenges (hash, purpose, account_id, session_hash, expires_at, created_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ${VERSION_OF_SQL})`,
  args: [hash, purpose, owner?.accountId ?? null, owner?.sessionHash ?? null, expiresAt, now, owner?.accountId ?? null],
});

/** Takes a challenge (it is gone whatever the answer): only one request ever gets its row back; `current` tells whether its account is still at its version. */
export const takeChallenge = (hash: string, purpose: ChallengePurpose): InStatement => ({
  sql: `DELETE FROM webauthn_challenges WHERE hash = ? AND purpose = ?
    RETURNING account_id, session_hash, expires_at, version = (SELECT security_version FROM accounts a WHERE a.id = account_id) AS current`,
  args: [hash, purpose],
});

/** A passkey with its account (the API's account columns), for a login by credential id. */
export const passkeyWithAccount = (id: string): InStatement => ({
  sql: `SELECT p.public_key, p.counter, p.transports, p.provisional, a.confirmed_at, ${ACCOUNT_COLUMNS}
    FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
  args: [id],
});

/**
 * A login's use of the passkey: the new counter, the backup flag and the time. Applied only when
 * the counter moves forward (or stays 0 for authenticators without one), so of two racing
 * assertions with the same counter only one counts; `changes()` after it tells the next statement.
 */
export const recordUse = (id: string, counter: number, backedUp: boolean, now: number): InStatement => ({
  sql: `UPDATE passkeys SET counter = :counter, backed_up = :backedUp, last_used_at = :now
    WHERE id = :id AND (counter < :counter OR (:counter = 0 AND counter = 0))`,
  args: { id, counter, backedUp: backedUp ? 1 : 0, now },
});

export interface NewPasskey {
  id: string;
  accountId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  userAgent: string | null;
  createdAt: number;
  /** A reset removes it unless kept: decided by how the session it was made in began (sessions.ts). */
  provisional: boolean;
}

/** A new passkey; a credential id that is already stored (any account's) changes nothing. */
export const insertPasskey = (db: Db, p: NewPasskey) =>
  db
    .insert(passkeys)
    .values({ ...p, transports: JSON.stringify(p.transports), lastUsedAt: null })
    .onConflictDoNothing()
    .returning({ id: passkeys.id });

/** The account's passkeys, newest first. */
export const passkeysOf = (db: Db, accountId: string) =>
  db
    .select({
      id: passkeys.id,
      transports: passkeys.transports,
      userAgent: passkeys.userAgent,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      backedUp: passkeys.backedUp,
      provisional: passkeys.provisional,
    })
    .from(passkeys)
    .where(eq(passkeys.accountId, accountId))
    .orderBy(desc(passkeys.createdAt));

/** Holds once the passkey is gone (the guard of the event that its removal is). */
export const passkeyGone = (id: string) => sql`NOT EXISTS (SELECT 1 FROM passkeys WHERE id = ${id})`;

/** The account's provisional passkeys (a reset removes them unless kept), oldest first. */
export const provisionalPasskeysOf = (db: Db, accountId: string) =>
  db
    .select({ userAgent: passkeys.userAgent, createdAt: passkeys.createdAt })
    .from(passkeys)
    .where(and(eq(passkeys.accountId, accountId), eq(passkeys.provisional, true)))
    .orderBy(passkeys.createdAt);

/** One of the account's own passkeys (an empty result: not the account's). */
export const removePasskey = (db: Db, accountId: string, id: string) =>
  db
    .delete(passkeys)
    .where(and(eq(passkeys.accountId, accountId), eq(passkeys.id, id)))
    .returning({ id: passkeys.id });
