// Staff passkeys: the residents' WebAuthn code (auth/passkeys.ts: @simplewebauthn/server, user
// verification required, counters) with the office's own challenges (staff_challenges: hashed,
// 5 minutes, single use) and the console's own origin: a staff ceremony is accepted only from
// API_URL, where `/kancelarija/` is served, never from a residents' site.
import type { InStatement } from '@libsql/client';
import type { RegistrationResponseJSON, AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Deps } from '../ports.ts';
import { randomToken, sha256Hex } from '../auth/crypto.ts';
import { CHALLENGE_TTL_MS, challengeOf } from '../auth/webauthn-challenges.ts';
import { loginOptions, registrationOptions, verifyLogin, verifyRegistration } from '../auth/passkeys.ts';
import type { StaffMember } from '../../../contract/office.ts';

export type StaffChallengePurpose = 'invite' | 'register' | 'login';

/** The deps the shared verification reads, with the console's origin as the only one expected. */
const consoleDeps = (deps: Deps): Deps => ({
  ...deps,
  config: { ...deps.config, allowedOrigins: [deps.config.apiUrl] },
});

export interface ChallengeOwner {
  staffId?: string;
  sessionHash?: string;
  invitationHash?: string;
}

/** A fresh challenge and its insert (its hash, its owner and, for a session's, the staff member's version). */
export async function newStaffChallenge(deps: Deps, purpose: StaffChallengePurpose, owner: ChallengeOwner = {}) {
  const challenge = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  const insert: InStatement = {
    sql: `INSERT INTO staff_challenges (hash, purpose, staff_id, session_hash, invitation_hash, version, expires_at, created_at)
      VALUES (?, ?, ?, ?, ?, (SELECT security_version FROM staff WHERE id = ?), ?, ?)`,
    args: [
      await sha256Hex(challenge),
      purpose,
      owner.staffId ?? null,
      owner.sessionHash ?? null,
      owner.invitationHash ?? null,
      owner.staffId ?? null,
      now + CHALLENGE_TTL_MS,
      now,
    ],
  };
  return { challenge, insert };
}

/** The statement that takes (deletes) the challenge a response names; null when it names none. */
export async function takeStaffChallenge(clientDataJSON: string, purpose: StaffChallengePurpose) {
  const challenge = challengeOf(clientDataJSON);
  if (!challenge) return null;
  const take: InStatement = {
    sql: `DELETE FROM staff_challenges WHERE hash = ? AND purpose = ?
      RETURNING staff_id, session_hash, invitation_hash, expires_at,
        version IS (SELECT security_version FROM staff s WHERE s.id = staff_id) AS current`,
    args: [await sha256Hex(challenge), purpose],
  };
  return { challenge, take };
}

export const challengeFresh = (row: Record<string, unknown> | undefined, now: number) =>
  row !== undefined && Number(row.expires_at) > now;

/** Options to create a staff passkey (the user handle is the staff id). */
export function staffRegistrationOptions(
  deps: Deps,
  member: Pick<StaffMember, 'id' | 'email' | 'name'>,
  challenge: string,
  existing: { id: string; transports: string | null }[],
) {
  return registrationOptions(
    deps,
    { ...member, emailBills: false, locale: 'sr-Latn', consumers: [] },
    challenge,
    existing,
  );
}

export const staffLoginOptions = loginOptions;

export const verifyStaffRegistration = (deps: Deps, response: RegistrationResponseJSON, challenge: string) =>
  verifyRegistration(consoleDeps(deps), response, challenge);

export const verifyStaffLogin = (
  deps: Deps,
  response: AuthenticationResponseJSON,
  challenge: string,
  stored: { id: string; staffId: string; publicKey: string; counter: number; transports: string | null },
) => verifyLogin(consoleDeps(deps), response, challenge, { ...stored, accountId: stored.staffId });
