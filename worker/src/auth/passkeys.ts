// Passkeys (WebAuthn) with @simplewebauthn/server: the options handed to the browser and the
// verification of what it sends back. Invariant: a response is accepted only for a challenge
// this server issued and took (auth/webauthn-challenges.ts), from an origin in ALLOWED_ORIGINS,
// for the configured RP ID, with the user verified (fingerprint, face or the phone's PIN); a
// login also needs a counter that did not go back. Anything wrong is one refusal (null).
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Deps } from '../ports.ts';
import type { Account } from '../../../contract/responses.ts';
import { fromBase64Url, toBase64Url } from '../../../contract/base64url.ts';
import { CHALLENGE_TTL_MS } from './webauthn-challenges.ts';

const enc = new TextEncoder();

// Loaded on the first passkey request: the library (with its X.509 and ASN.1 parts, about 95 KiB
// gzip of the Worker) is not evaluated when an isolate starts for a password login or a page load.
const webauthn = () => import('@simplewebauthn/server');

/** The user handle the authenticator keeps with a passkey: the account id's bytes. */
export const userHandleOf = (accountId: string) => toBase64Url(enc.encode(accountId));

/** Options for `navigator.credentials.create`: a discoverable, user-verified passkey, none of the account's again. */
export async function registrationOptions(
  deps: Deps,
  account: Account,
  challenge: string,
  existing: { id: string; transports: string | null }[],
) {
  const { generateRegistrationOptions } = await webauthn();
  return generateRegistrationOptions({
    rpName: deps.config.utility.name,
    rpID: deps.config.rpId,
    userID: enc.encode(account.id),
    userName: account.email,
    userDisplayName: account.name,
    challenge: fromBase64Url(challenge),
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  });
}

/** Options for `navigator.credentials.get`: no credentials listed (the passkey names the account). */
export async function loginOptions(deps: Deps, challenge: string) {
  const { generateAuthenticationOptions } = await webauthn();
  return generateAuthenticationOptions({
    rpID: deps.config.rpId,
    challenge: fromBase64Url(challenge),
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
  });
}

export function transportsOf(json: string | null): string[] | undefined {
  if (!json) return undefined;
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** The new credential when the registration response holds for this challenge, else null. */
export async function verifyRegistration(deps: Deps, response: RegistrationResponseJSON, challenge: string) {
  const { verifyRegistrationResponse } = await webauthn();
  try {
    const r = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.allowedOrigins,
      expectedRPID: deps.config.rpId,
      requireUserPresence: true,
      requireUserVerification: true,
    });
    if (!r.verified || !r.registrationInfo.userVerified) return null;
    const info = r.registrationInfo;
    return {
      id: info.credential.id,
      publicKey: toBase64Url(info.credential.publicKey),
      counter: info.credential.counter,
      transports: (response.response.transports ?? []).slice(0, 8),
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    };
  } catch {
    return null;
  }
}

/** A stored passkey as the login reads it (db/statements/passkeys.ts passkeyWithAccount). */
export interface StoredPasskey {
  id: string;
  accountId: string;
  publicKey: string;
  counter: number;
  transports: string | null;
}

/** The counter and backup flag to store when the assertion holds for this challenge and passkey, else null. */
export async function verifyLogin(
  deps: Deps,
  response: AuthenticationResponseJSON,
  challenge: string,
  stored: StoredPasskey,
) {
  // A discoverable credential names its account; it must be the one the passkey is stored for.
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== userHandleOf(stored.accountId)) return null;
  const { verifyAuthenticationResponse } = await webauthn();
  try {
    const r = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.allowedOrigins,
      expectedRPID: deps.config.rpId,
      credential: {
        id: stored.id,
        publicKey: fromBase64Url(stored.publicKey),
        counter: stored.counter,
        transports: transportsOf(stored.transports),
      },
      requireUserVerification: true,
    });
    if (!r.verified || !r.authenticationInfo.userVerified) return null;
    return { counter: r.authenticationInfo.newCounter, backedUp: r.authenticationInfo.credentialBackedUp };
  } catch {
    return null;
  }
}
