// One-time login codes by e-mail: 6 digits drawn uniformly (rejection sampling), kept only as
// HMAC-SHA-256(PIN_KEY, account id ":" code), valid 10 minutes, at most 5 tries, single use.
// Invariant: one open code per account (a new one replaces the row and its tries); a try is
// counted and, when the digest matches, the code used, by one atomic UPDATE, so however many tries
// arrive at once at most 5 are ever compared and exactly one of them can use the code. A code
// records the account's security version and is refused once the account has moved on.
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { hmacSha256Hex, randomId } from './crypto.ts';
import { versionOf } from './account-state.ts';

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const LOGIN_CODE_MAX_TRIES = 5;

const SPACE = 1_000_000;
// The largest multiple of 10^6 below 2^32: values at or above it are drawn again, so every code is equally likely.
const ACCEPT_BELOW = Math.floor(2 ** 32 / SPACE) * SPACE;

/** Six decimal digits, uniform over 000000–999999. */
export function randomCode(randomBytes: (n: number) => Uint8Array): string {
  for (;;) {
    const b = randomBytes(4);
    const n = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
    if (n < ACCEPT_BELOW) return String(n % SPACE).padStart(6, '0');
  }
}

export function loginCodeDigest(pinKey: string, accountId: string, code: string): Promise<string> {
  return hmacSha256Hex(pinKey, `${accountId}:${code}`);
}

/** A new code for the account and the upsert that stores it, replacing any open one (for a drizzle batch). */
export async function issueLoginCode(deps: Deps, accountId: string) {
  const code = randomCode(deps.randomBytes);
  const now = deps.now();
  const digest = await loginCodeDigest(deps.config.pinKey, accountId, code);
  const upsert =
    deps.db.run(sql`INSERT INTO login_codes (account_id, digest, tries, expires_at, used_at, used_nonce, created_at, version)
      VALUES (${accountId}, ${digest}, 0, ${now + LOGIN_CODE_TTL_MS}, NULL, NULL, ${now}, ${versionOf(accountId)})
      ON CONFLICT(account_id) DO UPDATE SET digest = excluded.digest, tries = 0, expires_at = excluded.expires_at,
        used_at = NULL, used_nonce = NULL, created_at = excluded.created_at, version = excluded.version`);
  return { code, upsert };
}

/**
 * One try of a code: `use` counts the try on the account's open code and marks it used (with a
 * fresh nonce) only when the digest matches; `guard` holds only later in the drizzle batch of the
 * request whose try used it. The digest is computed here for any account id (a stand-in one when the
 * address is unknown), so every try costs the same and the comparison itself happens in SQL.
 */
export async function tryLoginCode(deps: Deps, accountId: string, code: string) {
  const digest = await loginCodeDigest(deps.config.pinKey, accountId, code);
  const nonce = randomId(deps.randomBytes);
  const now = deps.now();
  const use = deps.db.run(sql`UPDATE login_codes SET tries = tries + 1,
        used_at = CASE WHEN digest = ${digest} THEN ${now} ELSE used_at END,
        used_nonce = CASE WHEN digest = ${digest} THEN ${nonce} ELSE used_nonce END
      WHERE account_id = ${accountId} AND used_at IS NULL AND expires_at > ${now} AND tries < ${LOGIN_CODE_MAX_TRIES}
        AND version = ${versionOf(accountId)}
      RETURNING used_nonce = ${nonce} AS used`);
  const guard: SQL = sql`EXISTS (SELECT 1 FROM login_codes WHERE account_id = ${accountId} AND used_nonce = ${nonce})`;
  return { use, guard };
}

/** Whether the `use` statement's result says this try used the code. */
export const usedCode = (rows: ArrayLike<Record<string, unknown>>) => rows.length === 1 && Number(rows[0].used) === 1;
