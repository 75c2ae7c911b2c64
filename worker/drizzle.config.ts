import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './worker/src/db/schema.ts',
  out: './worker/migrations',
  dbCredentials: { url: process.env.DATABASE_URL || 'file:data/portal.db', authToken: process.env.LIBSQL_AUTH_TOKEN },
});
