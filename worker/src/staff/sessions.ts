// Staff sessions (docs/office.md): a 256-bit token in their own cookie (`__Host-jp_staff`,
// SameSite=Strict, path /), only its SHA-256 stored. Invariant: a session ends 30 minutes after
// its last use and 12 hours after it began (using it never extends that), and at once when the
// staff member's security version moves on (disabled, passkeys replaced) or they are disabled.
// Reading a session writes nothing: "last seen" is written with the call's audit entry, so a
// refused call leaves every table as it was.
import type { Context } from 'hono';
import type { InStatement, InValue } from '@libsql/client';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Deps } from '../ports.ts';
import { randomToken, sha256Hex } from '../auth/crypto.ts';
import type { StaffMember, StaffRole } from '../../../contract/office.ts';

export const STAFF_IDLE_MS = 30 * 60_000;
export const STAFF_ABSOLUTE_MS = 12 * 3600_000;

export function staffCookieName(deps: Deps): string {
  return deps.config.cookieSecure ? '__Host-jp_staff' : 'jp_staff';
}

const cookieOptions = (deps: Deps) => ({
  httpOnly: true,
  secure: deps.config.cookieSecure,
  sameSite: 'Strict' as const,
  path: '/',
});

export function setStaffCookie(c: Context, deps: Deps, token: string): void {
  setCookie(c, staffCookieName(deps), token, cookieOptions(deps));
}

export function clearStaffCookie(c: Context, deps: Deps): void {
  deleteCookie(c, staffCookieName(deps), cookieOptions(deps));
}

/** A new session at the staff member's current version: `start(where, whereArgs)` inserts it where that SQL holds. */
export async function newStaffSession(deps: Deps, staffId: string, userAgent: string | undefined) {
  const token = randomToken(deps.randomBytes, 32);
  const hash = await sha256Hex(token);
  const now = deps.now();
  const start = (where = '1', whereArgs: InValue[] = []): InStatement => ({
    sql: `INSERT INTO staff_sessions (hash, staff_id, created_at, last_seen_at, expires_at, version, user_agent)
      SELECT ?, s.id, ?, ?, ?, s.security_version, ? FROM staff s WHERE s.id = ? AND s.disabled_at IS NULL AND ${where}`,
    args: [hash, now, now, now + STAFF_ABSOLUTE_MS, userAgent?.slice(0, 300) ?? null, staffId, ...whereArgs],
  });
  return { token, hash, start };
}

export interface StaffSession {
  hash: string;
  createdAt: number;
  staff: StaffMember;
}

const CURRENT_SQL = `
  SELECT ss.created_at, s.id, s.email, s.name, s.role
  FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id
  WHERE ss.hash = :hash AND ss.expires_at > :now AND ss.created_at > :now - :absolute
    AND ss.last_seen_at > :now - :idle AND ss.version = s.security_version AND s.disabled_at IS NULL`;

/** The session the staff cookie names, read only (null: none, ended, or its staff member moved on). */
export async function currentStaffSession(c: Context, deps: Deps): Promise<StaffSession | null> {
  const token = getCookie(c, staffCookieName(deps));
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = await sha256Hex(token);
  const row = (
    await deps.db.$client.execute({
      sql: CURRENT_SQL,
      args: { hash, now: deps.now(), absolute: STAFF_ABSOLUTE_MS, idle: STAFF_IDLE_MS },
    })
  ).rows[0];
  if (!row) return null;
  return {
    hash,
    createdAt: Number(row.created_at),
    staff: {
      id: String(row.id),
      email: String(row.email),
      name: String(row.name),
      role: String(row.role) as StaffRole,
    },
  };
}

/** The session used now: written with the call's audit entry. */
export const touchStatement = (hash: string, now: number): InStatement => ({
  sql: 'UPDATE staff_sessions SET last_seen_at = ? WHERE hash = ?',
  args: [now, hash],
});

export const endSessionStatement = (hash: string): InStatement => ({
  sql: 'DELETE FROM staff_sessions WHERE hash = ?',
  args: [hash],
});
