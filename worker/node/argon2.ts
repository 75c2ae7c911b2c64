// Argon2id on Node through the native @node-rs/argon2 (PHC strings, OWASP parameters).
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../src/ports.ts';

export const ARGON2_PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const nodeArgon2: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_PARAMS),
  async verify(phc, password) {
    try {
      return await verify(phc, password);
    } catch {
      return false;
    }
  },
};
