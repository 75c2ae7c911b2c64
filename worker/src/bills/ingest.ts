// One import run of bills (CLI or admin endpoint): parse, upsert, report by line.
import type { Deps } from '../ports.ts';
import { randomId } from '../auth/crypto.ts';
import { parseBillsCsv, upsertBills } from './import.ts';

export interface ImportReport { imported: number; created: number; updated: number; errors: { line: number; reason: string }[] }

export async function ingestBills(deps: Deps, csv: string): Promise<ImportReport & { createdIds: string[] }> {
  const parsed = parseBillsCsv(csv, deps.config.utility.consumerCode.pattern);
  const r = await upsertBills(deps.db, parsed.rows, deps.now(), () => randomId(deps.randomBytes));
  const errors = [...parsed.errors, ...r.errors].sort((a, b) => a.line - b.line);
  return { imported: r.created.length + r.updated, created: r.created.length, updated: r.updated, errors, createdIds: r.created };
}
