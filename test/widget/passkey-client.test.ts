// passkey-client.ts: base64url both ways for every byte value, the worker's options as the
// browser wants them (the browser's own parser and the fallback agree), and a credential as the
// worker reads it (toJSON and the fallback agree; nulls left out).
import { expect } from '@open-wc/testing';
import {
  creationOptions,
  credentialJSON,
  fromBase64url,
  requestOptions,
  toBase64url,
} from '../../widget/src/passkey-client.ts';

const bytes = (b: ArrayBuffer | ArrayBufferView | BufferSource) => [
  ...new Uint8Array(ArrayBuffer.isView(b) ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b),
];

describe('passkey-client', () => {
  it('base64url round trip: every byte value, every length mod 3, no padding, URL-safe alphabet', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 6; n++) {
      const part = all.slice(250 - n, 256);
      const text = toBase64url(part);
      expect(text).to.match(/^[A-Za-z0-9_-]*$/);
      expect(bytes(fromBase64url(text))).to.deep.equal([...part]);
    }
    expect(toBase64url(Uint8Array.of(0xfb, 0xff))).to.equal('-_8');
    expect(bytes(fromBase64url('-_8'))).to.deep.equal([0xfb, 0xff]);
    // A view into a bigger buffer: only its own bytes.
    expect(toBase64url(new Uint8Array(Uint8Array.of(1, 2, 3, 4).buffer, 1, 2))).to.equal('AgM');
  });

  const creation = {
    challenge: toBase64url(Uint8Array.of(1, 2, 3, 250)),
    rp: { name: 'JP Stambeno Ruma', id: 'localhost' },
    user: { id: toBase64url(Uint8Array.of(9, 8, 7)), name: 'milica@example.com', displayName: 'Milica' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    excludeCredentials: [{ type: 'public-key', id: toBase64url(Uint8Array.of(5, 5)), transports: ['internal'] }],
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
      challenge: toBase64url(Uint8Array.of(7, 7, 7)),
      rpId: 'localhost',
      userVerification: 'required',
      timeout: 300000,
      allowCredentials: [{ type: 'public-key', id: toBase64url(Uint8Array.of(4)) }],
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
      id: toBase64url(raw),
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
