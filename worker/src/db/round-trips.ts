// Counts libSQL round trips (each a network hop to a remote database): every execute, batch,
// transaction, migrate or executeMultiple call on the client is one.
import type { Client } from '@libsql/client';

const CALLS = new Set(['execute', 'batch', 'transaction', 'migrate', 'executeMultiple']);

export function countingClient(client: Client, counter: { trips: number }): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return CALLS.has(String(prop))
        ? (...args: unknown[]) => {
            counter.trips++;
            return value.apply(target, args);
          }
        : value.bind(target);
    },
  });
}
