// POST /api/register: the consumer code + PIN proven (counted first, limits.ts), the password
// checked and hashed, then the same 202 for every address; the account, the token and the mail
// are written after the response (auth/registration.ts), so nothing the requester can observe
// tells whether the address already has an account. A code linked to a confirmed account
// answers 409, but only to someone who has just proven its PIN.
import type { Context } from 'hono';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { proveConsumer } from '../auth/consumer-pin.ts';
import { hashPassword } from '../auth/passwords.ts';
import { completeRegistration } from '../auth/registration.ts';
import type { AppContext } from '../app.ts';

export function register(ctx: AppContext) {
  const { deps, schemas, limits } = ctx;
  return async (c: Context) => {
    const input = await readBody(c, schemas.register);
    const problem = passwordProblem(input.password, input);
    if (problem) throw new ApiError(422, 'validation_failed', { password: problem });

    const ip = ctx.clientIp(c);
    const { linkedTo } = await proveConsumer(ctx, c, input.consumerCode, input.pin, [limits.registration(ip), limits.passwordWork(ip)]);
    if (linkedTo) throw new ApiError(409, 'consumer_already_registered');
    // Hashed before answering on every path (the bounded hasher may answer 503 here, visibly).
    const passwordHash = await hashPassword(deps.hasher, input.password);
    deps.defer(() => completeRegistration(deps, limits, input, passwordHash));
    return c.json({ status: 'confirmation_sent' }, 202);
  };
}
