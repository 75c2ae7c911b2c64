// base64url (RFC 4648 §5) without padding, both ways, for every place bytes travel as text: the
// worker's tokens, WebAuthn challenges and keys and the delivery feed's cursor, the widget's
// passkey JSON, the tests' soft authenticator. hono's codec underneath (its encoder keeps the
// padding, which none of these carry). Invariant: decoding takes padding or none and throws on a
// character outside the alphabet, as atob does.
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';

/** Bytes (a buffer or any view of one) → base64url, no padding. */
export const toBase64Url = (bytes: ArrayBuffer | ArrayBufferView): string =>
  encodeBase64Url(
    ArrayBuffer.isView(bytes) ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes,
  ).replace(/=+$/, '');

/** base64url, with or without padding → bytes. */
export const fromBase64Url = (s: string): Uint8Array<ArrayBuffer> => decodeBase64Url(s);
