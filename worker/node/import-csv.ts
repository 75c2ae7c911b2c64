// `npm run consumers:import -- FILE.csv` and `npm run bills:import -- FILE.csv`:
// the billing system's exports into DATABASE_URL. Exit 0: all rows good; 1: some rows
// skipped (listed as FILE:LINE: reason); 2: nothing imported.
import { readFile } from 'node:fs/promises';
import { loadConfig, ConfigError } from '../src/config.ts';
import { parseConsumersCsv, upsertConsumers } from '../src/consumers/import.ts';
import { ingestBills } from '../src/bills/ingest.ts';
import { ImportError } from '../src/csv/table.ts';
import { nodeDeps } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { readUtilityConfig } from './utility-file.ts';

async function main() {
  const [what, file] = process.argv.slice(2);
  if ((what !== 'consumers' && what !== 'bills') || !file) {
    console.error(`usage: npm run ${what ?? 'consumers'}:import -- FILE.csv`);
    process.exit(2);
  }
  const config = loadConfig(process.env, readUtilityConfig(process.env));
  const text = await readFile(file, 'utf8');
  // New bills' mails stay in the outbox for the server's senders (its periodic job picks them up;
  // on Workers the cron hands them to the queue): a command-line import does not send 8,000 mails itself.
  const leaveToServer = { push: async () => {} };
  const { deps, client, settle } = await nodeDeps(config, process.env, { mailQueue: leaveToServer });
  await migrateDatabase(deps.db);
  let imported: number;
  let errors: { line: number; reason: string }[];
  if (what === 'consumers') {
    const parsed = parseConsumersCsv(text, {
      codePattern: config.utility.consumerCode.pattern,
      pinPattern: config.utility.pin.pattern,
    });
    imported = await upsertConsumers(deps.db, config.pinKey, parsed.rows, deps.now());
    errors = parsed.errors;
  } else {
    const r = await ingestBills(deps, text);
    imported = r.imported;
    errors = r.errors;
  }
  await settle();
  client.close();
  for (const e of errors) console.error(`${file}:${e.line}: ${e.reason}`);
  console.log(`imported ${imported} ${what === 'bills' ? 'bill' : 'consumer'}(s), ${errors.length} bad row(s)`);
  process.exit(errors.length ? 1 : 0);
}

main().catch((e) => {
  console.error(
    e instanceof ImportError || e instanceof ConfigError ? `import failed, nothing changed: ${e.message}` : e,
  );
  process.exit(2);
});
