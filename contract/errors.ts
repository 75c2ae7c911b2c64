// The API's stable error codes: every `{"error": {"code", "fields"?}}` the worker answers with,
// and every code a field may carry in `fields`. Invariant: the worker sends no other code (its
// ApiError takes an ErrorCode, its schemas and password rules give FieldCodes), and the widget
// has words for each one (maps over these types: a code without a message does not compile).

/** What went wrong with a whole request (the README's error table, in the same order). */
export const ERROR_CODES = [
  'invalid_json', // 400: the body is not JSON
  'invalid_request', // 400: a malformed request (a bad URL escape, a header Hono refused)
  'unsupported_media_type', // 415: a state-changing request without the JSON (or CSV, PDF) type
  'origin_not_allowed', // 403: Origin outside ALLOWED_ORIGINS
  'payload_too_large', // 413
  'validation_failed', // 422: `fields` says which and why
  'import_failed', // 422: a billing system's file refused as a whole (`fields.file` says why)
  'invalid_consumer_credentials', // 400: code unknown or PIN wrong, one answer for both
  'consumer_already_registered', // 409
  'consumer_already_linked', // 409: already on this account
  'last_consumer', // 409: an account keeps at least one consumer code
  'consumer_locked', // 423: too many wrong PINs in total, for PIN_LOCK_DAYS (Retry-After) or until the utility unlocks the code
  'password_locked', // 423: 100 wrong passwords in a row; only a reset link, a login code or a passkey until then
  'email_taken', // 409: the new address was registered in the meantime
  'invalid_token', // 400: a link unknown, used or expired
  'invalid_credentials', // 401: wrong e-mail or password
  'email_not_confirmed', // 403
  'wrong_password', // 403: a password re-entered in a session
  'reauth_required', // 403: the session is older than 5 minutes and no password came with the request
  'passkey_failed', // 401 at login, 400 when adding one: the passkey was refused (unknown or removed, challenge used or expired, wrong origin or RP ID, bad signature)
  'invalid_code', // 401: a login code wrong, used, expired or tried 5 times, or no such account: one answer for all
  'unauthenticated', // 401: no valid session (or admin token)
  'too_many_attempts', // 429, with Retry-After
  'not_found', // 404, also for what belongs to someone else
  'service_unavailable', // 503, with Retry-After
  'internal_error', // 500: a bug
  'forbidden', // 403: the office (docs/office.md): the staff member's role may not do this (a salter on an administrator's route)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why one field was refused (the README's list under `validation_failed`). */
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

/** `fields` of `import_failed`: why the billing system's file was refused, in words for its operator. */
export interface ImportFailure {
  file: string;
}

/** Every error answer's body. */
export interface ErrorBody {
  error: { code: ErrorCode; fields?: FieldErrors | ImportFailure };
}
