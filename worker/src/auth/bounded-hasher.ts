// Argon2 with a bounded queue: at most `maxConcurrent` hashes run at once and `maxQueued` wait;
// beyond that the request is refused at once with 503 and Retry-After, so one client sending
// passwords in bulk cannot make everyone else's login wait behind its work. Per process (Node)
// or per isolate (Workers); the per-address limits in limits.ts bound what one client may ask.
import type { PasswordHasher } from '../ports.ts';
import { fail } from '../http/errors.ts';

export interface BoundedHasher extends PasswordHasher {
  /** Hashes waiting or running now (for tests and logs). */
  readonly load: () => number;
}

export function boundedHasher(
  inner: PasswordHasher,
  opts: { maxConcurrent: number; maxQueued: number },
): BoundedHasher {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= opts.maxConcurrent) {
      if (waiting.length >= opts.maxQueued) throw fail('service_unavailable', { headers: { 'Retry-After': '1' } });
      await new Promise<void>((go) => waiting.push(go));
    } else {
      running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  return {
    hash: (password) => run(() => inner.hash(password)),
    verify: (phc, password) => run(() => inner.verify(phc, password)),
    load: () => running + waiting.length,
  };
}
