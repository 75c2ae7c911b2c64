// Loads the demo consumers (and their bills) into an empty database, so a newcomer can register at once.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { count } from 'drizzle-orm';
import type { Deps } from '../src/ports.ts';
import { consumers, bills } from '../src/db/schema.ts';
import { ingestBills } from '../src/bills/ingest.ts';
import { parseConsumersCsv, upsertConsumers } from '../src/consumers/import.ts';

/** The demo's CSVs: beside the utility's configuration file when it has them (demo/vodovod/), else `fallback`. */
export function demoDataDir(configFile: string, fallback: string): string {
  const dir = dirname(configFile);
  return existsSync(resolve(dir, 'consumers.csv')) ? dir : fallback;
}

export async function seedDemoConsumers(deps: Deps, csvPath: string): Promise<number> {
  const [{ n }] = await deps.db.select({ n: count() }).from(consumers);
  if (n > 0) return 0;
  const parsed = parseConsumersCsv(await readFile(csvPath, 'utf8'), {
    codePattern: deps.config.utility.consumerCode.pattern,
    pinPattern: deps.config.utility.pin.pattern,
  });
  return upsertConsumers(deps.db, deps.config.pinKey, parsed.rows, deps.now());
}

export async function seedDemoBills(deps: Deps, csvPath: string): Promise<number> {
  const [{ n }] = await deps.db.select({ n: count() }).from(bills);
  if (n > 0) return 0;
  return (await ingestBills(deps, await readFile(csvPath, 'utf8'))).imported;
}
