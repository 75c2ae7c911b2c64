// WebAuthn challenges (Copenhagen Book): 32 random bytes, only their SHA-256 stored, 5 minutes,
// single use. A challenge is taken with DELETE … RETURNING, so of any number of requests
// presenting it exactly one gets its row, and it is gone whether or not the ceremony succeeds.
import type { InStatement } from '@libsql/client';
import type { Deps } from '../ports.ts';
import { fromBase64Url } from '../../../contract/base64url.ts';
import { randomToken, sha256Hex } from './crypto.ts';
import { insertChallenge, takeChallenge, type ChallengePurpose } from '../db/statements/passkeys.ts';

export const CHALLENGE_TTL_MS = 5 * 60_000;

/** A fresh challenge (base64url, as the options carry it) and the insert of its hash. */
export async function newChallenge(
  deps: Deps,
  purpose: ChallengePurpose,
  owner: { accountId: string; sessionHash: string } | null = null,
): Promise<{ challenge: string; insert: InStatement }> {
  const challenge = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  return {
    challenge,
    insert: insertChallenge(await sha256Hex(challenge), purpose, owner, now + CHALLENGE_TTL_MS, now),
  };
}

/** The challenge the browser signed, read from the client data (verified later by the library). */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(clientDataJSON)));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{43}$/.test(challenge) ? challenge : null;
  } catch {
    return null;
  }
}

/** The statement that takes the challenge the response names (null: the response names none). */
export async function takeChallengeOf(clientDataJSON: string, purpose: ChallengePurpose) {
  const challenge = challengeOf(clientDataJSON);
  if (!challenge) return null;
  return { challenge, take: takeChallenge(await sha256Hex(challenge), purpose) };
}

/** A taken challenge row still holds: unexpired and, for a registration, asked for by this account and session at its current security version. */
export function challengeHolds(
  row: Record<string, unknown> | undefined,
  now: number,
  owner?: { accountId: string; sessionHash: string },
): boolean {
  if (!row || Number(row.expires_at) <= now) return false;
  if (!owner) return true;
  return row.account_id === owner.accountId && row.session_hash === owner.sessionHash && Number(row.current) === 1;
}
