// Single-use confirmation and reset tokens: 256 random bits, only the SHA-256 stored. A token
// records the account's security version when it was issued and is refused once the account has
// moved on (account-state.ts).
import { sql, and, eq, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Deps } from '../ports.ts';
import { tokens } from '../db/schema.ts';
import { randomToken, randomId, sha256Hex } from './crypto.ts';
import { versionOf } from './account-state.ts';
import { LINK_FRAGMENT } from '../../../contract/links.ts';

/** The token's account is still at the version it was issued under. */
const current = sql`${tokens.version} = (SELECT security_version FROM accounts WHERE id = ${tokens.accountId})`;

export type Purpose = 'confirm' | 'reset' | 'email';

/** Voids the account's open tokens of this purpose and issues a new one (statements are batchable). */
export async function issueToken(deps: Deps, accountId: string, purpose: Purpose, payload?: string) {
  const token = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  const ttl = purpose === 'reset' ? deps.config.resetTtlMs : deps.config.confirmTtlMs;
  const voidOld = deps.db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.accountId, accountId), eq(tokens.purpose, purpose), isNull(tokens.usedAt)));
  const insert = deps.db.insert(tokens).values({
    hash: await sha256Hex(token),
    accountId,
    purpose,
    payload,
    expiresAt: now + ttl,
    createdAt: now,
    version: versionOf(accountId),
  });
  return { token, voidOld, insert };
}

// Mail links carry the token in the fragment, which browsers never send to the host site's
// server (so it stays out of its logs, analytics and Referer headers); the widget reads it there.
/** The portal page's link for a mail: `#potvrda=`, `#reset=` or `#nova-adresa=` (an e-mail change). */
export function tokenLink(deps: Deps, param: keyof typeof LINK_FRAGMENT, token: string): string {
  const url = new URL(deps.config.portalUrl);
  url.hash = `${LINK_FRAGMENT[param]}=${token}`;
  return url.toString();
}

/**
 * Using a token: `use` marks it used with a fresh nonce, and `guard` is true only inside the
 * batch that won the race, so the statements that follow it apply exactly once.
 */
export async function useToken(deps: Deps, token: string, purpose: Purpose) {
  const hash = await sha256Hex(token);
  const nonce = randomId(deps.randomBytes);
  const now = deps.now();
  const use = deps.db
    .update(tokens)
    .set({ usedAt: now, usedNonce: nonce })
    .where(
      sql`${tokens.hash} = ${hash} AND ${tokens.purpose} = ${purpose} AND ${tokens.usedAt} IS NULL AND ${tokens.expiresAt} > ${now} AND ${current}`,
    )
    .returning({ accountId: tokens.accountId });
  const guard: SQL = sql`EXISTS (SELECT 1 FROM tokens WHERE hash = ${hash} AND used_nonce = ${nonce})`;
  const accountOf: SQL = sql`(SELECT account_id FROM tokens WHERE hash = ${hash} AND used_nonce = ${nonce})`;
  return { hash, use, guard, accountOf };
}

/** The account of a token that is still usable (a read before slow work such as hashing). */
export async function peekToken(deps: Deps, token: string, purpose: Purpose) {
  const hash = await sha256Hex(token);
  const rows = await deps.db
    .select({ accountId: tokens.accountId })
    .from(tokens)
    .where(
      sql`${tokens.hash} = ${hash} AND ${tokens.purpose} = ${purpose} AND ${tokens.usedAt} IS NULL AND ${tokens.expiresAt} > ${deps.now()} AND ${current}`,
    );
  return rows[0]?.accountId ?? null;
}

/**
 * Uses a token and applies `build(guard)` in the same batch: every statement gets the guard, so
 * the batch's writes happen exactly once however many requests race. The first result tells
 * whether this request used the token (an empty array: it did not).
 */
export function guarded<T extends BatchItem<'sqlite'>[]>(
  deps: Deps,
  t: Awaited<ReturnType<typeof useToken>>,
  build: (guard: SQL) => [...T],
) {
  return deps.db.batch([t.use, ...build(t.guard)]);
}
