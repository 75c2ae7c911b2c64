// Argon2id on Workers: a WebAssembly build imported as a compiled module (workerd does not
// compile WebAssembly from bytes at run time). Same parameters and PHC strings as on Node,
// so hashes move freely between the two deployments.
import Argon2, { Argon2Type, Argon2Version } from '@phi-ag/argon2';
// @ts-expect-error: wrangler turns .wasm imports into WebAssembly.Module objects.
import wasm from '@phi-ag/argon2/argon2.wasm';
import type { PasswordHasher } from '../src/ports.ts';

const OPTIONS = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  hashLength: 32,
  type: Argon2Type.Argon2id,
  version: Argon2Version.Version13,
};

let instance: Promise<Argon2> | undefined;
const argon2 = () => (instance ??= WebAssembly.instantiate(wasm as WebAssembly.Module).then((i) => new Argon2(i)));

export const wasmArgon2: PasswordHasher = {
  async hash(password) {
    return (await argon2()).hash(password, OPTIONS).encoded;
  },
  async verify(phc, password) {
    return (await argon2()).tryVerify(phc, password).success;
  },
};
