// One import run of bills (CLI or admin endpoint): parse, upsert, report by line.
import type { Deps } from '../ports.ts';
import { randomId } from '../auth/crypto.ts';
import { parseBillsCsv, upsertBills } from './import.ts';
import { mailPendingBills } from './bill-mail.ts';

export interface ImportReport {
  imported: number;
  created: number;
  updated: number;
  mailed: number;
  errors: { line: number; reason: string }[];
}

export async function ingestBills(deps: Deps, csv: string): Promise<ImportReport & { createdIds: string[] }> {
  const parsed = parseBillsCsv(csv, deps.config.utility.consumerCode.pattern);
  const r = await upsertBills(deps.db, parsed.rows, deps.now(), () => randomId(deps.randomBytes));
  const errors = [...parsed.errors, ...r.errors].sort((a, b) => a.line - b.line);
  // New bills go out to residents who chose e-mail bills (marked pending with the bills); an
  // updated bill is never mailed again.
  const mailed = await mailPendingBills(deps, r.created);
  return {
    imported: r.created.length + r.updated,
    created: r.created.length,
    updated: r.updated,
    mailed,
    errors,
    createdIds: r.created,
  };
}
