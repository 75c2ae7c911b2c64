// libSQL on Node: a local file by default (created and migrated at start), or a remote URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../src/db/schema.ts';
import type { Db } from '../src/ports.ts';

export const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export async function openDatabase(url: string, authToken?: string): Promise<{ client: Client; db: Db }> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0];
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, authToken });
  if (url.startsWith('file:')) {
    // WAL lets readers work beside the writer; the timeout rides out a second process (importer, cron).
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // WAL with synchronous=NORMAL: no fsync per commit (a power cut may lose the last
    // transactions, never consistency); the usual setting for WAL.
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  return { client, db: drizzle(client, { schema }) };
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS });
}
