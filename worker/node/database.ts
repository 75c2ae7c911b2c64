// libSQL on Node: a local file by default (created and migrated at start), or a remote URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../src/db/schema.ts';
import type { Db } from '../src/ports.ts';
import { offloadLargeBatches } from './db-offload.ts';
import { connectionPragmas } from './db-pragmas.ts';

export const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export async function openDatabase(url: string, authToken?: string): Promise<{ client: Client; db: Db }> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0];
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const opened = createClient({ url, authToken });
  // A file's large batches (imports) run on a thread of their own (db-offload.ts); a remote database does its work elsewhere anyway.
  const onFile = url.startsWith('file:') && !url.includes(':memory:');
  const client = onFile ? offloadLargeBatches(opened, url) : opened;
  if (url.startsWith('file:')) for (const pragma of connectionPragmas) await client.execute(pragma);
  return { client, db: drizzle(client, { schema }) };
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS });
}
