// Proving a consumer code with its PIN (registration and linking another code). Every attempt
// reserves a slot under the PIN rules first (per code: window, day and total until the utility
// unlocks it; per address), so parallel guesses cannot outrun the counters; a right PIN gives the
// slots back and clears the code's failures. An unknown code and a wrong PIN answer alike, with
// the wrong PINs left before the next is refused (the fewest of the code's and the address's
// rules: the resident's "Preostalo pokušaja"; an unknown code is counted as any other).
import { fail, refusedError } from '../http/errors.ts';
import { pinMatches } from './pin.ts';
import { clearStatement, releaseStatements, reserve, type Rule } from './throttle.ts';
import type { Ctx } from '../env.ts';

const CONSUMER_SQL = `SELECT c.pin_digest, ac.account_id FROM consumers c
  LEFT JOIN account_consumers ac ON ac.consumer_code = c.code WHERE c.code = ?`;

/**
 * Checks code + PIN; returns the confirmed account the consumer is linked to (or null).
 * `alsoCount`, the route's own rules (registrations per address…), are reserved in the same trip.
 */
export async function proveConsumer(c: Pick<Ctx, 'var'>, code: string, pin: string, alsoCount: Rule[] = []) {
  const { deps, limits, clientIp } = c.var;
  const { db, config } = deps;
  const pinRules = limits.pin(code, clientIp);
  const r = await reserve(deps, [...pinRules, ...alsoCount], [{ sql: CONSUMER_SQL, args: [code] }]);
  if (r.refusal) throw refusedError(r.refusal);
  const consumer = r.extra[0].rows[0];
  if (!(await pinMatches(config.pinKey, code, pin, consumer ? String(consumer.pin_digest) : undefined))) {
    throw fail('invalid_consumer_credentials', { attemptsLeft: Math.min(...pinRules.map(r.left)) });
  }
  // Not a failure: the code's counters start again, the address gets its slot back.
  const codeKeys = limits.pinCodeKeys(code);
  await db.$client.batch(
    [clearStatement(...codeKeys), ...releaseStatements(pinRules.filter((p) => !codeKeys.includes(p.key)))],
    'write',
  );
  return { linkedTo: consumer.account_id === null ? null : String(consumer.account_id) };
}
