// Named statements on accounts (Lucia's adapter, better-auth's internal adapter: auth as a few
// explicit operations over tables). Routes call these by name and hold no SQL. Each returns a
// statement or query for the caller to run or batch; none runs on its own unless it says so.
import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Db } from '../../ports.ts';
import { accountConsumers, accounts, bills, consents, passkeys, sessions } from '../schema.ts';
import { ACCOUNT_COLUMNS } from '../../auth/sessions.ts';

/** The account for a login by e-mail: hash, confirmation and the API's account columns (raw, for a throttle batch). */
export const loginAccount = (email: string): InStatement => ({
  sql: `SELECT a.password_hash, a.confirmed_at, ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.email = ?`,
  args: [email],
});

/** The API's account columns by id (raw). */
export const accountById = (accountId: string): InStatement => ({
  sql: `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ?`,
  args: [accountId],
});

/** The stored password hash (raw, for a throttle batch). */
export const passwordHashOf = (accountId: string): InStatement => ({
  sql: 'SELECT password_hash FROM accounts WHERE id = ?',
  args: [accountId],
});

/** A hash made again in NFC after a login with an old form (raw). */
export const rehashPassword = (accountId: string, hash: string): InStatement => ({
  sql: 'UPDATE accounts SET password_hash = ? WHERE id = ?',
  args: [hash, accountId],
});

/** A new password (optionally only where a token's guard holds). */
export const setPassword = (db: Db, accountId: string, hash: string, now: number, guard: SQL = sql`1`) =>
  db.run(sql`UPDATE accounts SET password_hash = ${hash}, updated_at = ${now} WHERE id = ${accountId} AND ${guard}`);

/** What a new password may not contain: the name, the address and a consumer code (linked or pending). */
export const personalData = (db: Db, accountId: string) =>
  db
    .select({
      name: accounts.name,
      email: accounts.email,
      locale: accounts.locale,
      code: accountConsumers.consumerCode,
      pending: accounts.pendingConsumerCode,
    })
    .from(accounts)
    .leftJoin(accountConsumers, eq(accountConsumers.accountId, accounts.id))
    .where(eq(accounts.id, accountId))
    .limit(1);

export const saveSettings = (
  db: Db,
  accountId: string,
  changes: { emailBills?: boolean; locale?: string },
  now: number,
) =>
  db
    .update(accounts)
    .set({ ...changes, updatedAt: now })
    .where(eq(accounts.id, accountId));

export const stopEmailBills = (db: Db, accountId: string, now: number) =>
  db.update(accounts).set({ emailBills: false, updatedAt: now }).where(eq(accounts.id, accountId));

export const accountWithEmail = (db: Db, email: string) =>
  db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));

/** A confirmation or e-mail-change token with its account, before it is used. */
export const pendingConfirmation = (db: Db, tokenHash: string) =>
  db.all<{
    purpose: string;
    created_at: number;
    payload: string | null;
    email: string;
    name: string;
    locale: string;
    account_id: string;
    /** The token is of the account's current version (an account-wide event since voids it). */
    current: number;
    used_at: number | null;
    expires_at: number;
    confirmed_at: number | null;
  }>(
    sql`SELECT t.purpose, t.created_at, t.payload, t.used_at, t.expires_at, a.email, a.name, a.locale,
        t.account_id, t.version = a.security_version AS current, a.confirmed_at
      FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = ${tokenHash}`,
  );

/** The account takes the new address of the e-mail-change token (run under the token's guard): proven by the link, so deliverable. */
export const takeNewEmail = (db: Db, tokenHash: string, accountId: SQL, now: number) =>
  db.run(sql`UPDATE accounts SET email = (SELECT payload FROM tokens WHERE hash = ${tokenHash}), updated_at = ${now},
    email_proven_at = ${now}, undeliverable_at = NULL, undeliverable_reason = NULL
    WHERE id = ${accountId}`);

/**
 * The versions of the terms and the privacy statement the account accepted, each pair once, with
 * when it was last accepted (registering again after an expired registration accepts them again).
 */
export const consentsOf = (db: Db, accountId: string) =>
  db
    .select({
      termsVersion: consents.termsVersion,
      privacyVersion: consents.privacyVersion,
      acceptedAt: sql<number>`max(${consents.acceptedAt})`.mapWith(Number),
    })
    .from(consents)
    .where(eq(consents.accountId, accountId))
    .groupBy(consents.termsVersion, consents.privacyVersion)
    .orderBy(desc(sql`max(${consents.acceptedAt})`));

/** "My data": the account's dates, consents (as GET /api/account/consents lists them), sessions, the bills of its codes and its passkeys, in one batch. */
export const exportQueries = (db: Db, accountId: string, codes: string[]) =>
  [
    db
      .select({ createdAt: accounts.createdAt, confirmedAt: accounts.confirmedAt })
      .from(accounts)
      .where(eq(accounts.id, accountId)),
    consentsOf(db, accountId),
    db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        userAgent: sessions.userAgent,
        remember: sessions.remember,
      })
      .from(sessions)
      .where(eq(sessions.accountId, accountId)),
    db
      .select()
      .from(bills)
      .where(inArray(bills.consumerCode, codes.length ? codes : ['']))
      .orderBy(desc(bills.period)),
    db
      .select({
        id: passkeys.id,
        createdAt: passkeys.createdAt,
        lastUsedAt: passkeys.lastUsedAt,
        userAgent: passkeys.userAgent,
        backedUp: passkeys.backedUp,
      })
      .from(passkeys)
      .where(eq(passkeys.accountId, accountId))
      .orderBy(passkeys.createdAt),
  ] as const;

/** Deleting an account: its queued mail, sessions, tokens, codes, passkeys, consents, links, failure counts and the row (bills stay). */
export const deleteAccountStatements = (db: Db, account: { id: string; email: string }, loginKeys: string[]) =>
  [
    db.run(sql`DELETE FROM outbox WHERE to_address = ${account.email}`),
    db.run(sql`DELETE FROM sessions WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM tokens WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM passkeys WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM webauthn_challenges WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM login_codes WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM consents WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM account_consumers WHERE account_id = ${account.id}`),
    db.run(sql`DELETE FROM throttles WHERE key IN ${loginKeys}`),
    db.run(sql`DELETE FROM accounts WHERE id = ${account.id}`),
  ] as const;
