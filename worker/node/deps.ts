// Builds the app's adapters for Node from a configuration.
import type { Config } from '../src/config.ts';
import type { Deps } from '../src/ports.ts';
import { mailTransportFor } from '../src/mail/transport.ts';
import { smtpTransport } from './smtp-transport.ts';
import { localMailQueue } from '../src/mail/local-queue.ts';
import { nodeArgon2 } from './argon2.ts';
import { boundedHasher } from '../src/auth/bounded-hasher.ts';
import { openDatabase } from './database.ts';
import { folderStore, dejaVuFonts } from './files.ts';
import { databaseUrl, filesDir } from './utility-root.ts';

export function log(level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...data });
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** Work deferred past the response; `settle` waits for it (tests, shutdown). */
export function deferQueue() {
  const pending = new Set<Promise<unknown>>();
  return {
    defer(work: () => Promise<unknown>) {
      // setImmediate: the handler returns (and the response goes out) before the work starts.
      const p = new Promise((ok) => setImmediate(ok))
        .then(work)
        .catch((e) => log('error', 'deferred work failed', { error: String(e) }))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

export async function nodeDeps(config: Config, env: Record<string, string | undefined>, overrides: Partial<Deps> = {}) {
  const { client, db } = await openDatabase(databaseUrl(env), env.LIBSQL_AUTH_TOKEN);
  const queue = deferQueue();
  const deps: Deps = {
    config,
    db,
    mail: mailTransportFor(config, { smtp: smtpTransport }),
    files: folderStore(filesDir(env)),
    fonts: dejaVuFonts,
    now: Date.now,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    defer: queue.defer,
    log,
    // The bill run's sender: drains the outbox MAIL_CONCURRENCY at a time, after the response.
    mailQueue: localMailQueue(() => deps),
    ...overrides,
    // Whatever hashes (the native one, or a test's counting wrapper), at most so much at once.
    hasher: boundedHasher(overrides.hasher ?? nodeArgon2, config.argon2),
  };
  return { deps, client, settle: queue.settle };
}
