// Account-wide revocation in one place. A password reset, a password change and "log out
// everywhere" void everything a thief could still use: every other session, every open reset
// and e-mail-change link, the open login code, and (through password_changed_at) any e-mail-change link issued
// before, open registration challenges, and the passkeys when the resident asks. Deleting the
// account removes the rows themselves (privacy.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { voidLoginCode } from './login-codes.ts';

export interface Revocation {
  /** The session that made the change and stays (password change, "everywhere but here"). */
  keepSession?: string;
  /** Set when the password changed: older e-mail-change links are refused from now on. */
  passwordChanged?: boolean;
  /** Applies the statements only inside the batch that won a race (a token's guard). */
  guard?: SQL;
  /** The resident asked to remove the account's passkeys too. */
  passkeys?: boolean;
}

/** Batchable statements that void the account's sessions and open links. */
export function revokeAccountStatements(deps: Deps, accountId: string, opts: Revocation = {}) {
  const { db } = deps;
  const now = deps.now();
  const guard = opts.guard ?? sql`1`;
  const keep = opts.keepSession ? sql`AND hash <> ${opts.keepSession}` : sql``;
  return [
    db.run(sql`DELETE FROM sessions WHERE account_id = ${accountId} ${keep} AND ${guard}`),
    db.run(
      sql`UPDATE tokens SET used_at = ${now} WHERE account_id = ${accountId} AND purpose IN ('reset', 'email') AND used_at IS NULL AND ${guard}`,
    ),
    // An open login code (one mailed before the change) logs no one in any more.
    voidLoginCode(deps, accountId, guard),
    // A passkey being added (a registration challenge) cannot be finished after the change.
    db.run(sql`DELETE FROM webauthn_challenges WHERE account_id = ${accountId} AND ${guard}`),
    ...(opts.passkeys ? [db.run(sql`DELETE FROM passkeys WHERE account_id = ${accountId} AND ${guard}`)] : []),
    ...(opts.passwordChanged
      ? [db.run(sql`UPDATE accounts SET password_changed_at = ${now} WHERE id = ${accountId} AND ${guard}`)]
      : []),
  ] as const;
}
