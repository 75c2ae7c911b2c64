// navigator.credentials in the component tests (the real ceremony, with Chromium's virtual
// authenticator, is the e2e's): a credential the stub hands back, a closed prompt, and the
// autofill's conditional request, which waits until it is aborted.
export interface CredentialCall {
  kind: 'get' | 'create';
  mediation?: string;
  signal?: AbortSignal;
  publicKey: PublicKeyCredentialRequestOptions | PublicKeyCredentialCreationOptions;
}
export const credentialCalls: CredentialCall[] = [];

const fakeCredential = (json: Record<string, unknown>) =>
  ({ id: json.id, type: 'public-key', toJSON: () => json }) as unknown as PublicKeyCredential;

export const ASSERTION = {
  id: 'AQID',
  rawId: 'AQID',
  type: 'public-key',
  clientExtensionResults: {},
  response: { clientDataJSON: 'Cg', authenticatorData: 'Cw', signature: 'DA', userHandle: 'YTE' },
};
export const ATTESTATION = {
  id: 'BAUG',
  rawId: 'BAUG',
  type: 'public-key',
  clientExtensionResults: {},
  response: { clientDataJSON: 'Cg', attestationObject: 'DQ4', transports: ['internal'] },
};

/** What the next modal prompt does: give a credential, or throw (a DOMException name). */
export function fakeCredentials(next: { get?: string | 'ok'; create?: string | 'ok' } = {}) {
  credentialCalls.length = 0;
  const original = navigator.credentials;
  const fake = {
    get: (o: CredentialRequestOptions) => {
      credentialCalls.push({ kind: 'get', mediation: o.mediation, signal: o.signal, publicKey: o.publicKey! });
      if (o.mediation === 'conditional')
        return new Promise((_, fail) =>
          o.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))),
        );
      if (next.get && next.get !== 'ok') return Promise.reject(new DOMException('no', next.get));
      return Promise.resolve(fakeCredential(ASSERTION));
    },
    create: (o: CredentialCreationOptions) => {
      credentialCalls.push({ kind: 'create', publicKey: o.publicKey! });
      if (next.create && next.create !== 'ok') return Promise.reject(new DOMException('no', next.create));
      return Promise.resolve(fakeCredential(ATTESTATION));
    },
  };
  Object.defineProperty(navigator, 'credentials', { value: fake, configurable: true });
  return () => Object.defineProperty(navigator, 'credentials', { value: original, configurable: true });
}

export const LOGIN_OPTIONS = {
  options: { challenge: 'AQIDBA', rpId: 'localhost', userVerification: 'required', timeout: 300000 },
};
export const CREATE_OPTIONS = {
  options: {
    challenge: 'AQIDBA',
    rp: { name: 'JP Stambeno Ruma', id: 'localhost' },
    user: { id: 'YTE', name: 'milica@example.com', displayName: 'Milica Jovanović' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: [],
    attestation: 'none',
    timeout: 300000,
  },
};
