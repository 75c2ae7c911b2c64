// passkey-client.ts: the worker's options as the browser wants them (the browser's own parser
// and the fallback agree), and a credential as the worker reads it (toJSON and the fallback agree;
// nulls left out). The codec itself: test/contract/base64url.test.ts.
import { expect } from '@open-wc/testing';
import { toBase64Url } from '../../contract/base64url.ts';
import { creationOptions, credentialJSON, requestOptions } from '../../widget/src/passkey-client.ts';

const bytes = (b: ArrayBuffer | ArrayBufferView | BufferSource) => [
  ...new Uint8Array(ArrayBuffer.isView(b) ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b),
];

describe('passkey-client', () => {
  const creation = {
    challenge: toBase64Url(Uint8Array.of(1, 2, 3, 250)),
    rp: { name: 'JP Stambeno Ruma', id: 'localhost' },
    user: { id: toBase64Url(Uint8Array.of(9, 8, 7)), name: 'milica@example.com', displayName: 'Milica' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    excludeCredentials: [{ type: 'public-key', id: toBase64Url(Uint8Array.of(5, 5)), transports: ['internal'] }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: 300000,
    attestation: 'none',
  };

  it("registration options: the browser's parser and the fallback give the same bytes", () => {
    for (const native of [true, false]) {
      const o = creationOptions(creation, native);
      expect(bytes(o.challenge), `native ${native}`).to.deep.equal([1, 2, 3, 250]);
      expect(bytes(o.user.id)).to.deep.equal([9, 8, 7]);
      expect(bytes(o.excludeCredentials![0].id)).to.deep.equal([5, 5]);
      expect(o.rp.id).to.equal('localhost');
      expect(o.authenticatorSelection!.userVerification).to.equal('required');
    }
  });

  it('login options: the challenge and any allowed credentials as bytes, the rest as given', () => {
    const json = {
      challenge: toBase64Url(Uint8Array.of(7, 7, 7)),
      rpId: 'localhost',
      userVerification: 'required',
      timeout: 300000,
      allowCredentials: [{ type: 'public-key', id: toBase64Url(Uint8Array.of(4)) }],
    };
    for (const native of [true, false]) {
      const o = requestOptions(json, native);
      expect(bytes(o.challenge)).to.deep.equal([7, 7, 7]);
      expect(bytes(o.allowCredentials![0].id)).to.deep.equal([4]);
      expect(o.rpId).to.equal('localhost');
      expect(o.userVerification).to.equal('required');
    }
    expect(requestOptions({ challenge: 'AQ' }, false).allowCredentials).to.equal(undefined);
  });

  it('a credential as the worker reads it: toJSON and the fallback agree, nulls left out', () => {
    const raw = Uint8Array.of(1, 2, 3);
    const assertion = {
      clientDataJSON: Uint8Array.of(10).buffer,
      authenticatorData: Uint8Array.of(11).buffer,
      signature: Uint8Array.of(12).buffer,
      userHandle: null,
    };
    const cred = {
      id: toBase64Url(raw),
      rawId: raw.buffer,
      type: 'public-key',
      authenticatorAttachment: null,
      response: assertion,
      getClientExtensionResults: () => ({}),
    } as unknown as PublicKeyCredential;
    const fallback = credentialJSON(cred, false);
    expect(fallback).to.deep.equal({
      id: 'AQID',
      rawId: 'AQID',
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: 'Cg', authenticatorData: 'Cw', signature: 'DA' },
    });
    const native = credentialJSON({
      ...cred,
      toJSON: () => ({
        ...fallback,
        authenticatorAttachment: null,
        response: { ...(fallback.response as object), userHandle: null },
      }),
    } as unknown as PublicKeyCredential);
    expect(native).to.deep.equal(fallback);

    const attestation = {
      ...cred,
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: Uint8Array.of(10).buffer,
        attestationObject: Uint8Array.of(13, 14).buffer,
        getTransports: () => ['internal', 'hybrid'],
      },
    } as unknown as PublicKeyCredential;
    expect(credentialJSON(attestation, false)).to.deep.equal({
      id: 'AQID',
      rawId: 'AQID',
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: { clientDataJSON: 'Cg', attestationObject: 'DQ4', transports: ['internal', 'hybrid'] },
    });
  });
});
