// An Ed25519 public key as a provider hands it over (MailChannels' webhook key): base64 of the 32
// raw bytes, or of its SPKI DER (or that as PEM). Kept apart from the webhook's verification so the
// configuration can check the key at start without importing the mail code.

export type Bytes = Uint8Array<ArrayBuffer>;

export const fromBase64 = (s: string): Bytes => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));

/** SPKI of an Ed25519 key: these 12 bytes, then the key's 32. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The key's 32 raw bytes; throws (with the variable's name) when it is not an Ed25519 public key. */
export function webhookKeyBytes(text: string): Bytes {
  let bytes: Bytes;
  try {
    bytes = fromBase64(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
  } catch {
    bytes = new Uint8Array(0);
  }
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_PREFIX.every((b, i) => bytes[i] === b)) return bytes.subarray(12);
  throw new Error('MAILCHANNELS_WEBHOOK_KEY is not an Ed25519 public key (32 bytes or SPKI, base64)');
}
