// `npm run consumers:import -- FILE.csv`: upserts consumers from the billing system's export.
import { readFile } from 'node:fs/promises';
import { loadConfig, ConfigError } from '../src/config.ts';
import { parseConsumersCsv, upsertConsumers, ImportError } from '../src/consumers/import.ts';
import { openDatabase, migrateDatabase } from './database.ts';

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run consumers:import -- FILE.csv');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const parsed = parseConsumersCsv(await readFile(file, 'utf8'), {
    codePattern: config.utility.consumerCode.pattern,
    pinPattern: config.utility.pin.pattern,
  });
  for (const e of parsed.errors) console.error(`${file}:${e.line}: ${e.reason}`);
  const { client, db } = await openDatabase(process.env.DATABASE_URL || 'file:data/portal.db', process.env.LIBSQL_AUTH_TOKEN);
  await migrateDatabase(db);
  const n = await upsertConsumers(db, config.pinKey, parsed.rows, Date.now());
  client.close();
  console.log(`imported ${n} consumer(s), ${parsed.errors.length} bad row(s)`);
  process.exit(parsed.errors.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof ImportError || e instanceof ConfigError ? `import failed, nothing changed: ${e.message}` : e);
  process.exit(2);
});
