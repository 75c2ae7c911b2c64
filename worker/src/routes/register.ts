// POST /api/register: the consumer code + PIN proven (counted first, limits.ts), the password
// checked and hashed, then the same 202 for every address; the account, the token and the mail
// are written after the response (auth/registration.ts, from a pending_work row written before
// it, so a crash loses nothing), and nothing the requester can observe
// tells whether the address already has an account. A code linked to a confirmed account
// answers 409, but only to someone who has just proven its PIN. The confirmation mail's caps (the
// same per-recipient cap and requester gap as the other mails) are counted before the promise is
// written: beyond them the answer is the same 202 and nothing is done, and a promise once written
// is kept whatever happens to the process.
import { fail } from '../http/errors.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { proveConsumer } from '../auth/consumer-pin.ts';
import { hashPassword } from '../auth/passwords.ts';
import { holding, reserve } from '../auth/throttle.ts';
import { registrationWork } from '../auth/registration.ts';
import { pendingWorkStatement, runSoon } from '../work/pending.ts';
import { WORK_HANDLERS } from '../work/handlers.ts';
import type { Ctx } from '../env.ts';
import type { StatusAnswer } from '../../../contract/responses.ts';

export async function register(c: Ctx<'register'>) {
  const { deps, limits, clientIp: ip } = c.var;
  const input = c.req.valid('json');
  const problem = passwordProblem(input.password, input);
  if (problem) throw fail('validation_failed', { fields: { password: problem } });

  const counted = [limits.registration(ip), limits.passwordWork(ip)];
  const { linkedTo } = await proveConsumer(c, input.consumerCode, input.pin, counted);
  if (linkedTo) throw fail('consumer_already_registered');
  // Hashed before answering on every path (the bounded hasher may answer 503 here, visibly).
  const passwordHash = await holding(deps.db, counted, () => hashPassword(deps.hasher, input.password));
  // The promise is written before the answer (it survives a crash or a failed run), the work
  // itself runs after it — in the batch that counts the mail's caps, and only if they admit it.
  const work = pendingWorkStatement(deps, 'register', registrationWork(input, passwordHash));
  const caps = limits.mailRequest('resend', input.email, ip);
  const r = await reserve(deps, [caps.requester, caps.address], (held) => [work.stmtWhen(held)]);
  if (!r.refusal) runSoon(deps, WORK_HANDLERS, work.id);
  return c.json({ status: 'confirmation_sent' } satisfies StatusAnswer<'register'>, 202);
}
