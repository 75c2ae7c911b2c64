import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldErrors, ImportFailure } from '../../../contract/errors.ts';
import type { Rule } from '../auth/throttle.ts';

/** An expected failure with a stable code from the contract's registry; the message is never shown to anyone. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly fields?: FieldErrors | ImportFailure,
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export function errorResponse(c: Context, e: ApiError): Response {
  for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
  const body: ErrorBody = { error: { code: e.code, ...(e.fields ? { fields: e.fields } : {}) } };
  return c.json(body, e.status);
}

const retryHeader = (retryAfter: number) => ({ 'Retry-After': String(Math.max(1, retryAfter)) });

export const tooManyAttempts = (retryAfter: number) =>
  new ApiError(429, 'too_many_attempts', undefined, retryHeader(retryAfter));

/**
 * The answer to a throttle's refusal: 423 with the lock's code when it locks (a consumer code, for
 * its lock time or until the utility unlocks it; passwords, until a reset, a login code or a
 * passkey), else 429.
 */
export const refusedError = (r: { rule: Pick<Rule, 'locks'>; retryAfter: number }) =>
  r.rule.locks
    ? new ApiError(423, r.rule.locks, undefined, r.rule.locks === 'consumer_locked' ? retryHeader(r.retryAfter) : {})
    : tooManyAttempts(r.retryAfter);
