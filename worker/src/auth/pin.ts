// PINs are kept only as HMAC-SHA-256(PIN_KEY, code ":" pin), compared in constant time.
import { hmacSha256Hex, timingSafeEqual } from './crypto.ts';

export function pinDigest(pinKey: string, consumerCode: string, pin: string): Promise<string> {
  return hmacSha256Hex(pinKey, `${consumerCode}:${pin}`);
}

/** Compares even when the consumer is unknown, so both failures cost the same. */
export async function pinMatches(
  pinKey: string,
  consumerCode: string,
  pin: string,
  storedDigest: string | undefined,
): Promise<boolean> {
  const digest = await pinDigest(pinKey, consumerCode, pin);
  const same = timingSafeEqual(digest, storedDigest ?? '0'.repeat(digest.length));
  return same && storedDigest !== undefined;
}
