// Unlocking a consumer code after too many wrong PINs: the utility's act (npm run
// consumers:unlock -- CODE, or POST /api/admin/consumers/unlock), after it has spoken with the
// resident. Clears every per-code PIN counter, the total one included.
import type { Deps } from '../ports.ts';
import type { LimitsPolicy } from '../auth/limits.ts';
import { clearStatement } from '../auth/throttle.ts';

/** How many counters were cleared (0: the code was not locked or counted at all). */
export async function unlockConsumer(deps: Deps, limits: LimitsPolicy, code: string): Promise<number> {
  const r = await deps.db.$client.execute(clearStatement(...limits.pinCodeKeys(code)));
  return r.rowsAffected;
}
