// DB-backed sessions: a 256-bit random token in an HttpOnly cookie, only its SHA-256 stored.
// Invariant: a session ends at a fixed time set when it began (12 h, or 30 days with "Zapamti
// me"; using it never extends it), after an idle time (1 h, or 7 days with "Zapamti me"), and
// when its account's security version moves on (account-state.ts) unless the event re-stamped it.
import { sql, eq, type SQL } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Context } from 'hono';
import type { Row } from '@libsql/client';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Deps } from '../ports.ts';
import { sessions } from '../db/schema.ts';
import { randomToken, sha256Hex } from './crypto.ts';
import { toLocale } from '../../../contract/locales.ts';
import { VERSION_OF_SQL, versionOf } from './account-state.ts';
import type { Account, AccountConsumer } from '../../../contract/responses.ts';

// "Last seen" (shown in the session list) is written at most this often, so most /api/me calls are read-only.
const TOUCH_EVERY_MS = 60_000;

export function cookieName(deps: Deps): string {
  return deps.config.cookieSecure ? '__Host-jp_session' : 'jp_session';
}

function ttl(deps: Deps, remember: boolean): number {
  return remember ? deps.config.sessionRememberMs : deps.config.sessionBrowserMs;
}

export function setSessionCookie(c: Context, deps: Deps, token: string, remember: boolean): void {
  setCookie(c, cookieName(deps), token, {
    httpOnly: true,
    secure: deps.config.cookieSecure,
    sameSite: 'Lax',
    path: '/',
    ...(remember ? { maxAge: Math.floor(deps.config.sessionRememberMs / 1000) } : {}),
  });
}

export function clearSessionCookie(c: Context, deps: Deps): void {
  deleteCookie(c, cookieName(deps), { path: '/', secure: deps.config.cookieSecure, httpOnly: true, sameSite: 'Lax' });
}

/**
 * How a session began. `provisional-passkey`: with a passkey that is itself provisional. A passkey
 * added in a session is provisional (a reset removes it unless kept, account-state.ts) unless the
 * session began with a reset — the mailbox proven just now — or with a passkey that is not: a
 * password may be what leaked (that is why one resets), a login code proves only the mailbox of
 * that moment, and a provisional passkey must not make a lasting one.
 */
export type SessionMethod = 'password' | 'code' | 'passkey' | 'provisional-passkey' | 'reset';

/** Whether a passkey added in a session begun this way outlives a reset by default (see SessionMethod). */
export const addsLastingPasskeys = (method: SessionMethod) => method === 'reset' || method === 'passkey';

/**
 * A new session at the account's current security version (read in the same statement): the
 * token for the cookie and its insert, as a raw statement (`insert`, or `insertIf` a condition
 * holds) or, for a drizzle batch, applied only where `guard` holds (`insertWhen`: a reset's guard,
 * after the reset advanced the version).
 */
export async function newSession(
  deps: Deps,
  accountId: string,
  remember: boolean,
  userAgent: string | undefined,
  method: SessionMethod,
) {
  const token = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  const hash = await sha256Hex(token);
  const ua = userAgent?.slice(0, 300) ?? null;
  const expires = now + ttl(deps, remember);
  const into =
    'INSERT INTO sessions (hash, account_id, remember, created_at, last_seen_at, expires_at, user_agent, method, version)';
  const values = [hash, accountId, remember ? 1 : 0, now, now, expires, ua, method, accountId];
  const insert: InStatement = { sql: `${into} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${VERSION_OF_SQL})`, args: values };
  /** Raw, applied only where `condition` (SQL without parameters) holds, e.g. `changes() = 1` after a guarded update. */
  const insertIf = (condition: string): InStatement => ({
    sql: `${into} SELECT ?, ?, ?, ?, ?, ?, ?, ?, ${VERSION_OF_SQL} WHERE ${condition}`,
    args: values,
  });
  const insertWhen = (guard: SQL) =>
    deps.db.run(sql`INSERT INTO sessions (hash, account_id, remember, created_at, last_seen_at, expires_at, user_agent, method, version)
      SELECT ${hash}, ${accountId}, ${remember ? 1 : 0}, ${now}, ${now}, ${expires}, ${ua}, ${method}, ${versionOf(accountId)} WHERE ${guard}`);
  return { token, hash, insert, insertIf, insertWhen };
}

export function sessionToken(c: Context, deps: Deps): string | undefined {
  const t = getCookie(c, cookieName(deps));
  return t && /^[A-Za-z0-9_-]{43}$/.test(t) ? t : undefined;
}

export interface CurrentSession {
  hash: string;
  remember: boolean;
  /** When the session began (a login): a young session may add a passkey without the password. */
  createdAt: number;
  /** How it began: decides whether a passkey added in it is provisional (SessionMethod). */
  method: SessionMethod;
  account: Account;
}

// The hottest queries of all (every page load asks /api/me, every login reads the account):
// constant statements straight to the libSQL client, so nothing is built per request and no
// transaction is opened. `a` is the account; its consumers come along as a JSON array.
export const ACCOUNT_COLUMNS = `a.id, a.name, a.email, a.email_bills, a.locale, a.security_version,
    a.undeliverable_at, a.undeliverable_reason,
    (SELECT json_group_array(json_object('code', c.code, 'name', c.name, 'address', c.address) ORDER BY ac.linked_at, c.code)
       FROM account_consumers ac JOIN consumers c ON c.code = ac.consumer_code
      WHERE ac.account_id = a.id) AS consumers`;

const CURRENT_SESSION_SQL = `
  SELECT s.remember, s.created_at, s.last_seen_at, s.method, ${ACCOUNT_COLUMNS}
  FROM sessions s JOIN accounts a ON a.id = s.account_id
  WHERE s.hash = :hash AND s.expires_at > :now AND s.created_at > :now - CASE WHEN s.remember THEN :rememberMs ELSE :browserMs END
    AND s.last_seen_at > :now - CASE WHEN s.remember THEN :rememberIdleMs ELSE :browserIdleMs END
    AND s.version = a.security_version AND a.confirmed_at IS NOT NULL`;

/** The account as the API shows it, from a row holding ACCOUNT_COLUMNS. */
export function accountFromRow(row: Row): Account {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    emailBills: Number(row.email_bills) === 1,
    locale: toLocale(row.locale),
    consumers: JSON.parse(String(row.consumers)) as AccountConsumer[],
    ...(row.undeliverable_at == null
      ? {}
      : {
          undeliverable: {
            since: Number(row.undeliverable_at),
            reason: row.undeliverable_reason === 'complaint' ? 'complaint' : 'bounce_hard',
          },
        }),
  };
}

/**
 * Reads the session and its account in one read-only round trip. "Last seen" is written at
 * most once a minute, after the response, so most calls never take a write lock. The lifetime
 * is checked from the start too, so a session from before lifetimes were absolute ends in time.
 */
export async function currentSession(c: Context, deps: Deps): Promise<CurrentSession | null> {
  const token = sessionToken(c, deps);
  if (!token) return null;
  const hash = await sha256Hex(token);
  const now = deps.now();
  const { db, config } = deps;
  const row = (
    await db.$client.execute({
      sql: CURRENT_SESSION_SQL,
      args: {
        hash,
        now,
        rememberMs: config.sessionRememberMs,
        browserMs: config.sessionBrowserMs,
        rememberIdleMs: config.sessionRememberIdleMs,
        browserIdleMs: config.sessionBrowserIdleMs,
      },
    })
  ).rows[0];
  if (!row) return null;
  const remember = Number(row.remember) === 1;
  const touched = Number(row.last_seen_at) < now - TOUCH_EVERY_MS;
  if (touched) {
    deps.defer(() => db.run(sql`UPDATE sessions SET last_seen_at = ${now} WHERE hash = ${hash}`));
  }
  return {
    hash,
    remember,
    createdAt: Number(row.created_at),
    method: String(row.method) as SessionMethod,
    account: accountFromRow(row),
  };
}

export function revokeStatement(deps: Deps, hash: string) {
  return deps.db.delete(sessions).where(eq(sessions.hash, hash));
}
