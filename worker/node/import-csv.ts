// `npm run consumers:import -- [--encoding windows-1250] FILE.csv` and `npm run bills:import -- …`:
// the billing system's exports into DATABASE_URL. The file is UTF-8 unless --encoding names another;
// a file not in it, or of more than IMPORT_MAX_ROWS rows, changes nothing. Exit 0: all rows good;
// 1: some rows skipped (listed as FILE:LINE: reason); 2: nothing imported.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../src/config.ts';
import { ingestConsumers } from '../src/consumers/ingest.ts';
import { ingestBills } from '../src/bills/ingest.ts';
import { ImportError } from '../src/csv/table.ts';
import { decodeCsv } from '../src/csv/decode.ts';
import { nodeDeps } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { readUtilityConfig } from './utility-file.ts';

async function main() {
  let args: { values: { encoding?: string }; positionals: string[] } | undefined;
  try {
    args = parseArgs({ options: { encoding: { type: 'string' } }, allowPositionals: true });
  } catch {
    // an unknown option: the usage below
  }
  const [what, file] = args?.positionals ?? [process.argv[2]];
  if ((what !== 'consumers' && what !== 'bills') || !file || args?.positionals.length !== 2) {
    console.error(`usage: npm run ${what ?? 'consumers'}:import -- [--encoding windows-1250] FILE.csv`);
    process.exit(2);
  }
  const config = loadConfig(process.env, readUtilityConfig(process.env));
  const text = decodeCsv(await readFile(file), args.values.encoding, '--encoding windows-1250');
  // New bills' mails stay in the outbox for the server's senders (its periodic job picks them up;
  // on Workers the cron hands them to the queue): a command-line import does not send 8,000 mails itself.
  const leaveToServer = { push: async () => {} };
  const { deps, client, settle } = await nodeDeps(config, process.env, { mailQueue: leaveToServer });
  await migrateDatabase(deps.db);
  const { imported, errors } = what === 'consumers' ? await ingestConsumers(deps, text) : await ingestBills(deps, text);
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
