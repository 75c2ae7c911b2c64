// Loads the demo consumers (and their bills) into an empty database, so a newcomer can register at once.
// Invariant: only in development — the demo codes and PINs are public (README, demo page).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { count } from 'drizzle-orm';
import type { Deps } from '../src/ports.ts';
import { consumers, bills } from '../src/db/schema.ts';
import { ingestBills } from '../src/bills/ingest.ts';
import { consumerFormats, parseConsumersCsv, upsertConsumers } from '../src/consumers/import.ts';
import { ConfigError, type Env } from '../src/config.ts';

/** Whether to load the demo data: SEED_DEMO, by default in development only; refused in production. */
export function demoSeeding(env: Env, production: boolean): boolean {
  const raw = env.SEED_DEMO;
  if (raw === undefined || raw === '') return !production;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError('SEED_DEMO must be true or false');
  if (raw === 'true' && production)
    throw new ConfigError(
      'Refusing to start in production: SEED_DEMO=true would load the demo consumers, whose codes and PINs are public. ' +
        'Load the real ones with `npm run consumers:import`, or run APP_ENV=development for the demo.',
    );
  return raw === 'true';
}

/** The demo's CSVs: beside the utility's configuration file when it has them (demo/vodovod/), else `fallback`. */
export function demoDataDir(configFile: string, fallback: string): string {
  const dir = dirname(configFile);
  return existsSync(resolve(dir, 'consumers.csv')) ? dir : fallback;
}

export async function seedDemoConsumers(deps: Deps, csvPath: string): Promise<number> {
  const [{ n }] = await deps.db.select({ n: count() }).from(consumers);
  if (n > 0) return 0;
  const parsed = parseConsumersCsv(await readFile(csvPath, 'utf8'), consumerFormats(deps.config.utility));
  return upsertConsumers(deps.db, deps.config.pinKey, parsed.rows, deps.now());
}

export async function seedDemoBills(deps: Deps, csvPath: string): Promise<number> {
  const [{ n }] = await deps.db.select({ n: count() }).from(bills);
  if (n > 0) return 0;
  return (await ingestBills(deps, await readFile(csvPath, 'utf8'))).imported;
}
