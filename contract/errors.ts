// The API's stable error codes: every `{"error": {"code", "fields"?}}` the worker answers with,
// its HTTP status, and every code a field may carry in `fields`. Invariant: the worker sends no
// other code (its `fail(code)` takes an ErrorCode and the status from here; its schemas and
// password rules give FieldCodes), and the widget has words for each one (maps over these types:
// a code without a message does not compile). The OpenAPI document (GET /api/openapi.json) lists
// each code with its status and `when`.

/**
 * What went wrong with a whole request: the status (the first one when a code has two; the other
 * only where a handler names it) and when it is answered, in words for the API's clients.
 */
export const ERRORS = {
  invalid_json: { status: 400, when: 'the body is not valid JSON' },
  invalid_request: { status: 400, when: 'a malformed request (a bad escape in the URL, a header refused)' },
  unsupported_media_type: {
    status: 415,
    when: 'a state-changing request without the JSON content type (the billing system: CSV or PDF)',
  },
  origin_not_allowed: { status: 403, when: '`Origin` not in `ALLOWED_ORIGINS`' },
  payload_too_large: { status: 413, when: 'the body is over 16 KiB (the billing system: 8 MiB)' },
  validation_failed: {
    status: 422,
    when: '`fields` maps each refused field (a dotted path; `_` for the body itself) to a field code',
  },
  import_failed: {
    status: 422,
    when: "the billing system's file refused as a whole: `fields.file` says why, in words for its operator",
  },
  invalid_consumer_credentials: { status: 400, when: 'consumer code unknown or PIN wrong: one answer for both' },
  consumer_already_registered: {
    status: 409,
    when:
      'the consumer already has a confirmed account ' +
      '(at confirmation: another registration of the code was confirmed first)',
  },
  consumer_already_linked: { status: 409, when: 'the consumer code is already on this account' },
  last_consumer: { status: 409, when: 'an account keeps at least one consumer code' },
  consumer_locked: {
    status: 423,
    when:
      'too many wrong PINs for the consumer code in total: ' +
      'for PIN_LOCK_DAYS (`Retry-After`) or until the utility unlocks it',
  },
  password_locked: {
    status: 423,
    when: '100 wrong passwords in a row: only a reset link, a login code or a passkey until then',
  },
  email_taken: { status: 409, when: 'the new address of an e-mail change was registered in the meantime' },
  invalid_token: {
    status: 400,
    when: 'a link (confirmation, reset, unsubscribe, invitation) unknown, used or expired',
  },
  invalid_credentials: { status: 401, when: 'wrong e-mail or password' },
  email_not_confirmed: { status: 403, when: 'right password, e-mail address not confirmed yet' },
  wrong_password: { status: 403, when: 'a password re-entered in a session is wrong (also as the field code)' },
  reauth_required: {
    status: 403,
    when: 'the session is older than 5 minutes and no password came with the request',
  },
  passkey_failed: {
    status: [401, 400],
    when:
      'a passkey refused (unknown or removed, challenge used or expired, wrong origin or RP ID, bad signature): ' +
      '401 at login, 400 when adding one',
  },
  invalid_code: {
    status: 401,
    when: 'a login code wrong, used, expired or tried 5 times, or no such account: one answer for all',
  },
  unauthenticated: { status: 401, when: 'no valid session (or admin token)' },
  too_many_attempts: { status: 429, when: 'throttled; `Retry-After` in seconds' },
  not_found: { status: 404, when: 'no such route, or what belongs to someone else' },
  service_unavailable: {
    status: 503,
    when: 'the database cannot be reached, or more password hashing is waiting than ARGON2_MAX_QUEUED; `Retry-After`',
  },
  internal_error: { status: 500, when: 'a bug; never expected' },
  forbidden: {
    status: 403,
    when: "the office (docs/office.md): the staff member's role may not do this (a salter on an administrator's route)",
  },
} as const satisfies Record<string, { status: ErrorStatus | readonly [ErrorStatus, ...ErrorStatus[]]; when: string }>;

/** The statuses an error answer may have. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;
export type ErrorCode = keyof typeof ERRORS;
/** The codes in the registry's order. */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

type Statuses<C extends ErrorCode> = (typeof ERRORS)[C]['status'];
/** The statuses a code may be answered with: its one, or each of its several. */
export type StatusOf<C extends ErrorCode> = Statuses<C> extends readonly (infer S)[] ? S : Statuses<C>;

/** The status a code is answered with, unless its handler names another of the code's own. */
export function statusOf(code: ErrorCode): ErrorStatus {
  const s: ErrorStatus | readonly ErrorStatus[] = ERRORS[code].status;
  return typeof s === 'number' ? s : s[0];
}

/** Every status a code may be answered with. */
export function statusesOf(code: ErrorCode): readonly ErrorStatus[] {
  const s: ErrorStatus | readonly ErrorStatus[] = ERRORS[code].status;
  return typeof s === 'number' ? [s] : s;
}

/** Why one field was refused (`fields` of `validation_failed`). */
export const FIELD_CODES = [
  'required',
  'invalid_body',
  'invalid_email',
  'too_long',
  'invalid_format',
  'invalid_type',
  'invalid_locale',
  'must_accept',
  'invalid_token',
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_contains_personal',
  'wrong_password',
  'not_a_pdf',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** Field name (dotted path; `_` for the body itself) → why it was refused. */
export type FieldErrors = Record<string, FieldCode>;

/** One bad cell or row of an import, by the file's line (1 = the header) and the column's name if one is to blame. */
export interface ImportLineError {
  line: number;
  column: string | null;
  reason: string;
}

/**
 * `fields` of `import_failed`: why the billing system's file was refused, in words for its operator;
 * `lines`: the office's all-or-nothing import (`POST /api/staff/imports`) names every bad line too.
 */
export interface ImportFailure {
  file: string;
  lines?: ImportLineError[];
}

/** Every error answer's body. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    fields?: FieldErrors | ImportFailure;
    /**
     * `invalid_consumer_credentials` only: how many more wrong PINs the code (and the asking
     * address) may have before the next one is refused — for a while or, at the total, locked.
     */
    attemptsLeft?: number;
    /**
     * `origin_not_allowed` in development only: the refused `Origin`, so the widget can say which
     * page to add to `ALLOWED_ORIGINS` (production answers the code alone, and so does the office's
     * console, which takes only its own origin).
     */
    origin?: string;
  };
}
