// One import run of consumers (CLI or admin endpoint): parse in turns (residents are answered
// meanwhile), upsert, report by line. A file of more than IMPORT_MAX_ROWS rows is refused whole
// before anything is written.
import type { Deps } from '../ports.ts';
import { runInTurns } from '../csv/turns.ts';
import { consumerFormats, consumersSteps, upsertConsumers } from './import.ts';

export interface ConsumersReport {
  imported: number;
  errors: { line: number; reason: string }[];
}

export async function ingestConsumers(deps: Deps, csv: string): Promise<ConsumersReport> {
  const { utility, importMaxRows, pinKey } = deps.config;
  const formats = consumerFormats(utility);
  const parsed = await runInTurns(consumersSteps(csv, formats, importMaxRows));
  const imported = await upsertConsumers(deps.db, pinKey, parsed.rows, deps.now());
  return { imported, errors: parsed.errors };
}
