// Hashing and checking passwords in one form: Unicode NFC, so a password typed on a keyboard that
// sends decomposed letters (NFD: "c" + combining caron) matches the same password typed as "č".
// Hashes made before normalisation are checked once in the raw form too and then rehashed.
import type { PasswordHasher } from '../ports.ts';

export const normalizePassword = (password: string) => password.normalize('NFC');

export function hashPassword(hasher: PasswordHasher, password: string): Promise<string> {
  return hasher.hash(normalizePassword(password));
}

/** True when the password matches; `rehash` is set when the stored hash was made from a non-NFC form. */
export async function checkPassword(
  hasher: PasswordHasher,
  phc: string,
  password: string,
): Promise<{ ok: boolean; rehash?: string }> {
  const nfc = normalizePassword(password);
  if (await hasher.verify(phc, nfc)) return { ok: true };
  if (nfc === password || !(await hasher.verify(phc, password))) return { ok: false };
  return { ok: true, rehash: await hasher.hash(nfc) };
}
