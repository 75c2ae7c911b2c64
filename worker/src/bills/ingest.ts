// One import run of bills (CLI or admin endpoint): parse in turns (residents are answered meanwhile),
// upsert, report by line. A file of more than IMPORT_MAX_ROWS rows is refused whole before anything
// is written. The new bills' mails are in the outbox with the bills; after the answer they are handed
// to the senders (a queue on Workers, the process's own sender on Node), so the answer does not wait for them.
import type { Deps } from '../ports.ts';
import { randomId } from '../auth/crypto.ts';
import { billsSteps, upsertBills } from './import.ts';
import { runInTurns } from '../csv/turns.ts';

export interface ImportReport {
  imported: number;
  created: number;
  updated: number;
  /** Bill mails queued for residents who chose e-mail bills (sent after the answer). */
  mailed: number;
  errors: { line: number; reason: string }[];
}

export async function ingestBills(deps: Deps, csv: string): Promise<ImportReport & { createdIds: string[] }> {
  const { utility, importMaxRows } = deps.config;
  // Refused whole, before anything is written: the billing system sends the month in parts.
  const parsed = await runInTurns(
    billsSteps(csv, utility.consumerCode.pattern, utility.payment.model, importMaxRows, utility.consumerCode),
  );
  const r = await upsertBills(deps.db, parsed.rows, deps.now(), () => randomId(deps.randomBytes));
  const errors = [...parsed.errors, ...r.errors].sort((a, b) => a.line - b.line);
  // An updated bill is never mailed again; a hand-over lost here is made by the periodic job.
  if (r.mails.length) deps.defer(() => deps.mailQueue.push(r.mails));
  return {
    imported: r.created.length + r.updated,
    created: r.created.length,
    updated: r.updated,
    mailed: r.mails.length,
    errors,
    createdIds: r.created,
  };
}
