// DB-backed sessions: a 256-bit random token in an HttpOnly cookie, only its SHA-256 stored.
import { sql, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Deps } from '../ports.ts';
import { sessions, accounts, accountConsumers, consumers } from '../db/schema.ts';
import { randomToken, sha256Hex } from './crypto.ts';

// Sliding expiry is written at most this often, so most /api/me calls are read-only.
const TOUCH_EVERY_MS = 60_000;

export function cookieName(deps: Deps): string {
  return deps.config.cookieSecure ? '__Host-jp_session' : 'jp_session';
}

function ttl(deps: Deps, remember: boolean): number {
  return remember ? deps.config.sessionRememberMs : deps.config.sessionIdleMs;
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

/** A new session: the token for the cookie and the insert statement (batchable). */
export async function newSession(deps: Deps, accountId: string, remember: boolean, userAgent: string | undefined) {
  const token = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  const stmt = deps.db.insert(sessions).values({
    hash: await sha256Hex(token),
    accountId,
    remember,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + ttl(deps, remember),
    userAgent: userAgent?.slice(0, 300),
  });
  return { token, stmt };
}

export function sessionToken(c: Context, deps: Deps): string | undefined {
  const t = getCookie(c, cookieName(deps));
  return t && /^[A-Za-z0-9_-]{43}$/.test(t) ? t : undefined;
}

export interface CurrentSession {
  hash: string;
  remember: boolean;
  touched: boolean;
  account: {
    id: string; name: string; email: string; emailBills: boolean; locale: string;
    consumers: { code: string; name: string; address: string }[];
  };
}

/**
 * Reads the session and its account in one read-only round trip. The sliding expiry is
 * written at most once a minute, after the response, so most calls never take a write lock.
 */
export async function currentSession(c: Context, deps: Deps): Promise<CurrentSession | null> {
  const token = sessionToken(c, deps);
  if (!token) return null;
  const hash = await sha256Hex(token);
  const now = deps.now();
  const { db, config } = deps;
  const [rows, links] = await db.batch([
    db
      .select({
        remember: sessions.remember, lastSeenAt: sessions.lastSeenAt,
        id: accounts.id, name: accounts.name, email: accounts.email, emailBills: accounts.emailBills, locale: accounts.locale,
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(sql`${sessions.hash} = ${hash} AND ${sessions.expiresAt} > ${now} AND ${accounts.confirmedAt} IS NOT NULL`),
    db
      .select({ code: consumers.code, name: consumers.name, address: consumers.address })
      .from(accountConsumers)
      .innerJoin(consumers, eq(consumers.code, accountConsumers.consumerCode))
      .innerJoin(sessions, eq(sessions.accountId, accountConsumers.accountId))
      .where(sql`${sessions.hash} = ${hash} AND ${sessions.expiresAt} > ${now}`)
      .orderBy(accountConsumers.linkedAt, consumers.code),
  ]);
  const row = rows[0];
  if (!row) return null;
  const { remember, lastSeenAt, ...account } = row;
  const touched = lastSeenAt < now - TOUCH_EVERY_MS;
  if (touched) {
    deps.defer(() =>
      db.run(sql`UPDATE sessions SET last_seen_at = ${now},
          expires_at = ${now} + CASE WHEN remember THEN ${config.sessionRememberMs} ELSE ${config.sessionIdleMs} END
        WHERE hash = ${hash} AND expires_at > ${now}`),
    );
  }
  return { hash, remember, touched, account: { ...account, consumers: links } };
}

export function revokeStatement(deps: Deps, hash: string) {
  return deps.db.delete(sessions).where(eq(sessions.hash, hash));
}

export function revokeAllStatement(deps: Deps, accountId: string) {
  return deps.db.delete(sessions).where(eq(sessions.accountId, accountId));
}
