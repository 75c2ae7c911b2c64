import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldErrors, ImportFailure } from '../../../contract/errors.ts';

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

export const tooManyAttempts = (retryAfter: number) =>
  new ApiError(429, 'too_many_attempts', undefined, { 'Retry-After': String(Math.max(1, retryAfter)) });

/** The answer to a throttle's refusal: 423 when the consumer code is locked until the utility unlocks it, else 429. */
export const refusedError = (r: { rule: { locks?: boolean }; retryAfter: number }) =>
  r.rule.locks ? new ApiError(423, 'consumer_locked') : tooManyAttempts(r.retryAfter);
