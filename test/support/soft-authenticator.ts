// A software WebAuthn authenticator for tests (the worker's, workerd's and the e2e's): it makes
// real ES256 credentials with WebCrypto, real "none" attestation objects (CBOR) and real signed
// assertions (DER signatures), and returns what a browser's PublicKeyCredential.toJSON() gives.
// Nothing here knows the server: what it produces is verified by @simplewebauthn/server as a
// phone's would be. Knobs let a test make it misbehave (no user verification, another origin or
// RP ID, a counter that goes back) exactly the ways a phishing page or a cloned key would.
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { fromBase64Url, toBase64Url } from '../../contract/base64url.ts';

type Json = Record<string, unknown>;

/** What a browser's toJSON() gives for navigator.credentials.create(). */
export interface RegistrationJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    authenticatorData: string;
    publicKey: string;
    publicKeyAlgorithm: number;
    transports: string[];
  };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Json;
}

/** What a browser's toJSON() gives for navigator.credentials.get(). */
export interface AssertionJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Json;
}

export interface CeremonyOptions {
  /** User verification (fingerprint, face, PIN) done: the UV flag. Default true. */
  uv?: boolean;
  /** Sign for this RP ID instead of the one the options name. */
  rpId?: string;
  /** Backup eligible and backed up (a synced passkey): the BE and BS flags. Default false, or as the credential was made. */
  backedUp?: boolean;
  /** The signature counter to report (default: one more than the last, starting at 1). */
  counter?: number;
  /** The credential to assert with (default: the newest one for the RP ID, as a discoverable login). */
  credentialId?: string;
  /** The client data's type (default webauthn.create / webauthn.get). */
  type?: string;
  /** Leave the user handle out of an assertion. */
  omitUserHandle?: boolean;
}

interface Credential {
  id: Uint8Array;
  rpId: string;
  userHandle: string;
  keys: CryptoKeyPair;
  counter: number;
  backedUp: boolean;
}

const enc = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const sha256 = async (data: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', data));

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
}

const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

function flags(o: CeremonyOptions, attested: boolean): number {
  let f = FLAG.UP;
  if (o.uv !== false) f |= FLAG.UV;
  if (o.backedUp) f |= FLAG.BE | FLAG.BS;
  if (attested) f |= FLAG.AT;
  return f;
}

/** An ECDSA signature from WebCrypto (r‖s, 64 bytes) in the DER form WebAuthn uses. */
export function derSignature(raw: Uint8Array): Uint8Array {
  const int = (x: Uint8Array) => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    let v = x.slice(i);
    if (v[0] & 0x80) v = concat(new Uint8Array([0]), v);
    return concat(new Uint8Array([0x02, v.length]), v);
  };
  const body = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

function clientData(type: string, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
  return enc.encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export interface SoftAuthenticator {
  createCredential(options: Json, origin: string, o?: CeremonyOptions): Promise<RegistrationJSON>;
  getAssertion(options: Json, origin: string, o?: CeremonyOptions): Promise<AssertionJSON>;
  /** The credential ids it holds (base64url), oldest first. */
  credentialIds(): string[];
}

export function softAuthenticator(): SoftAuthenticator {
  const credentials: Credential[] = [];
  return {
    credentialIds: () => credentials.map((c) => toBase64Url(c.id)),

    async createCredential(options, origin, o = {}) {
      const rp = options.rp as { id?: string } | undefined;
      const user = options.user as { id: string };
      const rpId = o.rpId ?? rp?.id ?? new URL(origin).hostname;
      const excluded = ((options.excludeCredentials as { id: string }[] | undefined) ?? []).map((c) => c.id);
      if (credentials.some((c) => c.rpId === rpId && excluded.includes(toBase64Url(c.id))))
        throw new Error('InvalidStateError: a credential of this authenticator is excluded');
      const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, fromBase64Url(jwk.x as string)],
          [-3, fromBase64Url(jwk.y as string)],
        ]),
      );
      const id = crypto.getRandomValues(new Uint8Array(32));
      const cred: Credential = { id, rpId, userHandle: user.id, keys, counter: 0, backedUp: !!o.backedUp };
      const authData = concat(
        await sha256(enc.encode(rpId)),
        new Uint8Array([flags(o, true)]),
        u32(o.counter ?? 0),
        new Uint8Array(16), // AAGUID: none
        new Uint8Array([id.length >> 8, id.length & 0xff]),
        id,
        cose,
      );
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', authData],
        ]),
      );
      credentials.push(cred);
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
      return {
        id: toBase64Url(id),
        rawId: toBase64Url(id),
        type: 'public-key',
        response: {
          clientDataJSON: toBase64Url(clientData(o.type ?? 'webauthn.create', String(options.challenge), origin)),
          attestationObject: toBase64Url(attestationObject),
          authenticatorData: toBase64Url(authData),
          publicKey: toBase64Url(spki),
          publicKeyAlgorithm: -7,
          transports: ['hybrid', 'internal'],
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },

    async getAssertion(options, origin, o = {}) {
      const rpId = (options.rpId as string | undefined) ?? new URL(origin).hostname;
      const allowed = ((options.allowCredentials as { id: string }[] | undefined) ?? []).map((c) => c.id);
      const candidates = credentials.filter(
        (c) =>
          (o.credentialId ? toBase64Url(c.id) === o.credentialId : c.rpId === rpId) &&
          (allowed.length === 0 || allowed.includes(toBase64Url(c.id))),
      );
      const cred = candidates.at(-1);
      if (!cred) throw new Error('NotAllowedError: no credential for this RP ID');
      cred.counter = o.counter ?? cred.counter + 1;
      const authData = concat(
        await sha256(enc.encode(o.rpId ?? rpId)),
        new Uint8Array([flags({ ...o, backedUp: o.backedUp ?? cred.backedUp }, false)]),
        u32(cred.counter),
      );
      const data = clientData(o.type ?? 'webauthn.get', String(options.challenge), origin);
      const raw = new Uint8Array(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          cred.keys.privateKey,
          concat(authData, await sha256(data)),
        ),
      );
      return {
        id: toBase64Url(cred.id),
        rawId: toBase64Url(cred.id),
        type: 'public-key',
        response: {
          clientDataJSON: toBase64Url(data),
          authenticatorData: toBase64Url(authData),
          signature: toBase64Url(derSignature(raw)),
          ...(o.omitUserHandle ? {} : { userHandle: cred.userHandle }),
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}
