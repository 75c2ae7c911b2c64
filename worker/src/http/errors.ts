import type { Context } from 'hono';
import {
  statusOf,
  type ErrorBody,
  type ErrorCode,
  type ErrorStatus,
  type FieldErrors,
  type ImportFailure,
  type StatusOf,
} from '../../../contract/errors.ts';
import type { Rule } from '../auth/throttle.ts';

/** An expected failure with a stable code from the contract's registry; the message is never shown to anyone. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    readonly fields?: FieldErrors | ImportFailure,
    readonly headers?: Record<string, string>,
    readonly attemptsLeft?: number,
    readonly origin?: string,
  ) {
    super(code);
  }
}

export interface FailOptions<C extends ErrorCode> {
  /** `fields` of the answer: which field and why (validation_failed), or the file's fault (import_failed). */
  fields?: FieldErrors | ImportFailure;
  headers?: Record<string, string>;
  /** Another of the code's own statuses in the registry (passkey_failed: 400 when adding one). */
  status?: Extract<StatusOf<C>, ErrorStatus>;
  /** Wrong PINs left before a refusal (invalid_consumer_credentials: ErrorBody's `attemptsLeft`). */
  attemptsLeft?: C extends 'invalid_consumer_credentials' ? number : never;
  /** The refused Origin (origin_not_allowed, development only: ErrorBody's `origin`). */
  origin?: C extends 'origin_not_allowed' ? string : never;
}

/** The failure of a code, with the registry's status (contract/errors.ts): `throw fail('not_found')`. */
export function fail<C extends ErrorCode>(code: C, options: FailOptions<C> = {}): ApiError {
  const { status, fields, headers, attemptsLeft, origin } = options;
  return new ApiError(status ?? statusOf(code), code, fields, headers, attemptsLeft, origin);
}

export function errorResponse(c: Context, e: ApiError): Response {
  for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
  const body: ErrorBody = {
    error: {
      code: e.code,
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.attemptsLeft === undefined ? {} : { attemptsLeft: e.attemptsLeft }),
      ...(e.origin === undefined ? {} : { origin: e.origin }),
    },
  };
  return c.json(body, e.status);
}

const retryHeader = (retryAfter: number) => ({ 'Retry-After': String(Math.max(1, retryAfter)) });

export const tooManyAttempts = (retryAfter: number) => fail('too_many_attempts', { headers: retryHeader(retryAfter) });

/**
 * The answer to a throttle's refusal: 423 with the lock's code when it locks (a consumer code, for
 * its lock time or until the utility unlocks it; passwords, until a reset, a login code or a
 * passkey), else 429.
 */
export const refusedError = (r: { rule: Pick<Rule, 'locks'>; retryAfter: number }) =>
  r.rule.locks
    ? fail(r.rule.locks, { headers: r.rule.locks === 'consumer_locked' ? retryHeader(r.retryAfter) : {} })
    : tooManyAttempts(r.retryAfter);
