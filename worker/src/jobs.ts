// The periodic jobs, the same on both runtimes (a timer on Node, the cron trigger on Workers):
// work promised before a crash or a failure is done, bill mails still pending are queued, due
// mail is delivered, expired data is cleaned up.
import type { Deps } from './ports.ts';
import { mailPendingBills } from './bills/bill-mail.ts';
import { deliverDue } from './mail/outbox.ts';
import { cleanup } from './cleanup.ts';
import { runDuePendingWork } from './work/pending.ts';
import { WORK_HANDLERS } from './work/handlers.ts';

export async function runJobs(deps: Deps): Promise<void> {
  await runDuePendingWork(deps, WORK_HANDLERS);
  await mailPendingBills(deps);
  await deliverDue(deps);
  await cleanup(deps);
}
