// The periodic jobs, the same on both runtimes (a timer on Node, the cron trigger on Workers):
// work promised before a crash or a failure is done, every due mail is handed to the senders
// (the safety net: a bill run's mails are handed over at the import already), expired data is
// cleaned up (the residents' and the office's).
import type { Deps } from './ports.ts';
import { cleanup } from './cleanup.ts';
import { staffCleanup } from './staff/cleanup.ts';
import { backfillSearchKeys } from './consumers/search-key.ts';
import { runDuePendingWork } from './work/pending.ts';
import { WORK_HANDLERS } from './work/handlers.ts';

export async function runJobs(deps: Deps): Promise<void> {
  await runDuePendingWork(deps, WORK_HANDLERS);
  await deps.mailQueue.push();
  await cleanup(deps);
  await staffCleanup(deps);
  await backfillSearchKeys(deps.db);
}
