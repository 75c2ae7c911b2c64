// Test support: a remote database made ready for the Worker as `npm run db:migrate` and the
// consumers import would: migrated, and the demo consumers in it (their PINs keyed with `pinKey`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, migrateDatabase } from '../../worker/node/database.ts';
import { parseConsumersCsv, upsertConsumers } from '../../worker/src/consumers/import.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export async function seedEdgeDatabase(url: string, pinKey: string, authToken?: string): Promise<void> {
  const { client, db } = await openDatabase(url, authToken);
  try {
    await migrateDatabase(db);
    const parsed = parseConsumersCsv(readFileSync(join(ROOT, 'demo/consumers.csv'), 'utf8'), {
      codePattern: '^[0-9]{4,10}$',
      pinPattern: '^[0-9]{4,8}$',
    });
    await upsertConsumers(db, pinKey, parsed.rows, Date.now());
  } finally {
    client.close();
  }
}
