// Small Web Crypto helpers: the same code runs on Node and workerd.
import { toBase64Url } from '../../../contract/base64url.ts';

const enc = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const b of u8) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', enc.encode(text)));
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  let k = hmacKeys.get(key);
  if (!k) {
    k = crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(key, k);
  }
  return toHex(await crypto.subtle.sign('HMAC', await k, enc.encode(message)));
}

/** Constant-time comparison of two strings (time depends only on the longer length). */
export function timingSafeEqual(a: string, b: string): boolean {
  const len = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < len; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** A random token of `bytes` bytes (default 256 bits), base64url. */
export function randomToken(randomBytes: (n: number) => Uint8Array, bytes = 32): string {
  return toBase64Url(randomBytes(bytes));
}

export function randomId(randomBytes: (n: number) => Uint8Array): string {
  return toHex(randomBytes(16));
}
