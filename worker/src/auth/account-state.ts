// One account state. Every account carries a security version; every account-wide event advances
// it in the same batch as its own change, and every link, code, session, device cookie and
// pending passkey registration records the version it was issued under and is refused once the
// account has moved on (the checks: tokens.ts, sessions.ts, login-codes.ts, webauthn-challenges.ts,
// device-cookie.ts). Nothing is revoked by listing what its author thought of: a new kind of
// credential carries the version, and `EFFECTS` below (and its test) must say what each event does
// to it. The rows of voided sessions are deleted only so that the sessions list shows the living.
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../ports.ts';

export const ACCOUNT_EVENTS = [
  'password_reset',
  'password_changed',
  'email_changed',
  'logged_out_everywhere',
  'passkey_removed',
  'consumer_unlinked',
  'account_deleted',
] as const;
export type AccountEvent = (typeof ACCOUNT_EVENTS)[number];

export const CREDENTIALS = [
  'session',
  'confirm_link',
  'reset_link',
  'email_link',
  'login_code',
  'passkey_registration',
  'device_cookie',
  'passkey',
] as const;
export type Credential = (typeof CREDENTIALS)[number];

/**
 * - `void`: refused from the event on (its version is older);
 * - `void, actor kept`: refused, except the session (or browser) that made the change, which the
 *   event re-stamps (a reset logs the resetter in afresh: a new session and device cookie);
 * - `kept`, `removed when asked` (the resident ticks it), `provisional removed unless kept`
 *   (passkeys.provisional, ticked by default on the reset form), `that one removed`, `removed`.
 */
export type Effect =
  | 'void'
  | 'void, actor kept'
  | 'kept'
  | 'removed when asked'
  | 'provisional removed unless kept, others when asked'
  | 'that one removed'
  | 'removed';

const LINKS_AND_CODES = {
  confirm_link: 'void',
  reset_link: 'void',
  email_link: 'void',
  login_code: 'void',
  passkey_registration: 'void',
} as const satisfies Partial<Record<Credential, Effect>>;

/** The table (written once; the docs' copy is docs/security.md): what each event does to each kind of credential. */
export const EFFECTS: Record<AccountEvent, Record<Credential, Effect>> = {
  password_reset: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'provisional removed unless kept, others when asked',
  },
  password_changed: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'kept',
  },
  email_changed: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'kept',
  },
  logged_out_everywhere: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'removed when asked',
  },
  passkey_removed: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'that one removed',
  },
  consumer_unlinked: {
    session: 'void, actor kept',
    ...LINKS_AND_CODES,
    device_cookie: 'void, actor kept',
    passkey: 'kept',
  },
  account_deleted: { session: 'void', ...LINKS_AND_CODES, device_cookie: 'void', passkey: 'removed' },
};

/** The account's current version, as a subquery (`accountId` a value or an expression such as a token's accountOf). */
export const versionOf = (accountId: string | SQL): SQL =>
  sql`(SELECT security_version FROM accounts WHERE id = ${accountId})`;

/** The same for raw statements: one `?` for the account id. */
export const VERSION_OF_SQL = '(SELECT security_version FROM accounts WHERE id = ?)';

export interface EventOptions {
  /** The session that made the change and stays (its cookie keeps working). */
  actorSession?: string;
  /** Applies only inside the batch that won a race (a token's guard). */
  guard?: SQL;
  /** Passkeys to remove with the event: all of them, or only the provisional ones (a reset's default). */
  passkeys?: 'all' | 'provisional';
}

/**
 * The statements of an account-wide event, for the batch of the change itself: the version
 * advances, the actor's session takes the new one, the other sessions' rows go, and the passkeys
 * the resident chose. The account's deletion removes the rows instead (statements/accounts.ts).
 */
export function accountEventStatements(
  deps: Deps,
  accountId: string | SQL,
  _event: Exclude<AccountEvent, 'account_deleted'>,
  opts: EventOptions = {},
) {
  const { db } = deps;
  const guard = opts.guard ?? sql`1`;
  const actor = opts.actorSession;
  const passkeys =
    opts.passkeys === 'all'
      ? [db.run(sql`DELETE FROM passkeys WHERE account_id = ${accountId} AND ${guard}`)]
      : opts.passkeys === 'provisional'
        ? [db.run(sql`DELETE FROM passkeys WHERE account_id = ${accountId} AND provisional = 1 AND ${guard}`)]
        : [];
  return [
    db.run(
      sql`UPDATE accounts SET security_version = security_version + 1, updated_at = ${deps.now()} WHERE id = ${accountId} AND ${guard}`,
    ),
    ...(actor
      ? [
          db.run(
            sql`UPDATE sessions SET version = ${versionOf(accountId)} WHERE hash = ${actor} AND account_id = ${accountId} AND ${guard}`,
          ),
        ]
      : []),
    db.run(sql`DELETE FROM sessions WHERE account_id = ${accountId} AND hash <> ${actor ?? ''} AND ${guard}`),
    ...passkeys,
  ] as const;
}
