// The peer for the session-check benchmark: a minimal better-auth app (email+password) on Hono
// and @hono/node-server, on a local libSQL file through the Kysely dialect, in its own process.
// Started by ./server.ts with PORT, DB_FILE and NONCE; everything else is better-auth's defaults
// (no cookie cache, so like our GET /api/me every session check reads the database).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { LibsqlDialect, libsql } from '@libsql/kysely-libsql';

const port = Number(process.env.PORT);
const url = `http://localhost:${port}`;

// The same pragmas our Node server sets on its libSQL file (worker/node/database.ts).
const client = libsql.createClient({ url: `file:${process.env.DB_FILE}` });
for (const pragma of ['journal_mode = WAL', 'busy_timeout = 5000', 'synchronous = NORMAL', 'foreign_keys = ON']) {
  await client.execute(`PRAGMA ${pragma}`);
}

const options = {
  baseURL: url,
  secret: 'bench-only secret, loopback, never deployed 0123456789',
  database: { dialect: new LibsqlDialect({ client }), type: 'sqlite' },
  emailAndPassword: { enabled: true },
  // Off explicitly (it is off outside production anyway): our /api/me has no rate limit either.
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
} satisfies BetterAuthOptions;

await (await getMigrations(options)).runMigrations();
const auth = betterAuth(options);

const app = new Hono();
app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));
// Answers the nonce it was started with, so the parent knows it reached this process and not
// another test server that happened to take the same free port.
app.get('/health', (c) => c.text(process.env.NONCE ?? ''));

const server = serve({ fetch: app.fetch, port, hostname: 'localhost' });
const stop = () => {
  server.close(() => {
    client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
