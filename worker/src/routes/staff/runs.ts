// The administrator's view of a bill run (Uvoz, after a bills import):
// GET /api/staff/runs?period=YYYY-MM — the period's bills and their bill mails by state, as numbers
// (one aggregate read: the console polls it every 2 s during a run);
// POST /api/staff/runs/:period/retry — the period's failed bill mails queued again (idempotent: a
// second call right after retries none). Both audited (a watch of the progress once per quarter hour).
import { fail } from '../../http/errors.ts';
import type { StaffCtx } from '../../staff/env.ts';
import { audited } from '../../staff/audit.ts';
import { failedBillMails, retryStatement, runCounts } from '../../db/statements/runs.ts';
import type { RunProgressAnswer, RunRetryAnswer } from '../../../../contract/office.ts';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function periodOf(value: string | undefined): string {
  if (!value || !PERIOD.test(value)) throw fail('validation_failed', { fields: { period: 'invalid_format' } });
  return value;
}

export async function runProgressHandler(c: StaffCtx) {
  const period = periodOf(c.req.query('period'));
  const counts = await runCounts(c.var.deps.db.$client, period);
  // Logged once per quarter hour of watching, not at every poll.
  await audited(c, { action: 'run.viewed', detail: { period }, onceWithin: 15 * 60_000 });
  return c.json({ period, ...counts, done: counts.queued === 0 } satisfies RunProgressAnswer, 200);
}

export async function runRetryHandler(c: StaffCtx) {
  const { deps } = c.var;
  const period = periodOf(c.req.param('period'));
  const failed = await failedBillMails(deps.db.$client, period);
  // The update and its entry in one batch; the answer counts what the update queued.
  const [queued] = await audited(c, { action: 'run.retried', detail: { period, count: failed.length } }, [
    retryStatement(failed, deps.now()),
  ]);
  const ids = queued.rows.map((r) => String(r.id));
  if (ids.length) deps.defer(() => deps.mailQueue.push(ids));
  return c.json({ retried: ids.length } satisfies RunRetryAnswer, 200);
}
