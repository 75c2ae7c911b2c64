// The browser's side of a passkey (WebAuthn), without a library: the worker's options (JSON,
// bytes as base64url) turned into what navigator.credentials wants (ArrayBuffers), and the
// credential it gives back turned into JSON for the worker. The browser's own converters
// (PublicKeyCredential.parse…FromJSON, credential.toJSON()) where it has them, a small fallback
// otherwise. Invariant: every byte field goes through the same base64url codec both ways.

import { fromBase64Url, toBase64Url } from '../../contract/base64url.ts';

type Json = Record<string, unknown>;
type Descriptor = { id: string } & Json;

/** Whether this browser can make and use passkeys at all. */
export const passkeysSupported = () => typeof PublicKeyCredential === 'function' && !!navigator.credentials;

/** base64url → an ArrayBuffer, as navigator.credentials takes bytes. */
const arrayBuffer = (s: string): ArrayBuffer => fromBase64Url(s).buffer;

const descriptors = (list: unknown) =>
  Array.isArray(list) ? (list as Descriptor[]).map((c) => ({ ...c, id: arrayBuffer(c.id) })) : undefined;

/** The worker's registration options (POST /api/account/passkeys/options) as navigator.credentials.create wants them. */
export function creationOptions(json: Json, native = true): PublicKeyCredentialCreationOptions {
  if (native && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function')
    return PublicKeyCredential.parseCreationOptionsFromJSON(json as unknown as PublicKeyCredentialCreationOptionsJSON);
  const user = json.user as Descriptor;
  const o = {
    ...json,
    challenge: arrayBuffer(json.challenge as string),
    user: { ...user, id: arrayBuffer(user.id) },
  };
  const exclude = descriptors(json.excludeCredentials);
  return (exclude ? { ...o, excludeCredentials: exclude } : o) as unknown as PublicKeyCredentialCreationOptions;
}

/** The worker's login options (POST /api/passkey/login/options) as navigator.credentials.get wants them. */
export function requestOptions(json: Json, native = true): PublicKeyCredentialRequestOptions {
  if (native && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function')
    return PublicKeyCredential.parseRequestOptionsFromJSON(json as unknown as PublicKeyCredentialRequestOptionsJSON);
  const o = { ...json, challenge: arrayBuffer(json.challenge as string) };
  const allow = descriptors(json.allowCredentials);
  return (allow ? { ...o, allowCredentials: allow } : o) as unknown as PublicKeyCredentialRequestOptions;
}

/**
 * A credential as the worker reads it (the contract's registration or authentication response).
 * Empty values are left out: the contract wants a value or nothing, never null.
 */
export function credentialJSON(cred: PublicKeyCredential, native = true): Json {
  let json: Json;
  if (native && typeof cred.toJSON === 'function') json = cred.toJSON() as unknown as Json;
  else {
    const r = cred.response as AuthenticatorAttestationResponse & AuthenticatorAssertionResponse;
    const response: Json = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = r.getTransports?.() ?? [];
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    json = {
      id: cred.id,
      rawId: toBase64Url(cred.rawId),
      type: cred.type,
      authenticatorAttachment: cred.authenticatorAttachment,
      clientExtensionResults: cred.getClientExtensionResults(),
      response,
    };
  }
  const response = { ...(json.response as Json) };
  if (response.userHandle == null) delete response.userHandle;
  const { authenticatorAttachment, ...rest } = json;
  return authenticatorAttachment == null ? { ...rest, response } : { ...rest, authenticatorAttachment, response };
}

/** Signs in with a passkey: the resident picks one (a prompt, or the e-mail field's autofill when conditional). */
export async function getPasskey(options: Json, signal: AbortSignal, conditional = false): Promise<Json> {
  const cred = await navigator.credentials.get({
    publicKey: requestOptions(options),
    signal,
    ...(conditional ? { mediation: 'conditional' as CredentialMediationRequirement } : {}),
  });
  if (!cred) throw new DOMException('No passkey chosen', 'NotAllowedError');
  return credentialJSON(cred as PublicKeyCredential);
}

/** Makes a passkey on this device (fingerprint, face or the phone's PIN). */
export async function createPasskey(options: Json): Promise<Json> {
  const cred = await navigator.credentials.create({ publicKey: creationOptions(options) });
  if (!cred) throw new DOMException('No passkey made', 'NotAllowedError');
  return credentialJSON(cred as PublicKeyCredential);
}

/** The resident closed the browser's prompt, or it timed out: not an error to show in red. */
export const cancelled = (e: unknown) => e instanceof DOMException && e.name === 'NotAllowedError';

/** The prompt was aborted by the page (the view left, or the button took over from the autofill). */
export const aborted = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * Tells the browser's passkey manager that the worker no longer knows this credential (removed
 * on another device), so it stops offering it. Where the browser has the call (Chrome 132+).
 */
export function forgetPasskey(rpId: string | undefined, credentialId: string) {
  const signal = (
    PublicKeyCredential as unknown as {
      signalUnknownCredential?: (o: { rpId: string; credentialId: string }) => Promise<void>;
    }
  ).signalUnknownCredential;
  if (rpId && signal) void signal.call(PublicKeyCredential, { rpId, credentialId }).catch(() => {});
}
