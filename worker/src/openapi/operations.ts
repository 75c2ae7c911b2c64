// What the OpenAPI document says of each route that the route's middleware cannot: its summary,
// its answers on success and the error codes its handler (not its guards) answers with. Keyed
// `METHOD /path` as the app mounts it; test/worker/openapi/ fails on a route of the app without an
// entry here, or an entry without a route. The body schema, the credential and the guards' codes
// come from the middleware itself (openapi/tags.ts).
import type { ErrorCode, ErrorStatus } from '../../../contract/errors.ts';
import type { OfficeSchemas } from '../../../contract/office.ts';
import { CONFIRM_LINK_HOURS, RESET_LINK_HOURS } from '../../../contract/links.ts';

export interface Operation {
  summary: string;
  description?: string;
  /**
   * The answers on success, by status: the answer's type in contract/responses.ts (or
   * contract/office.ts), a media type (with a `/`), or null for no body.
   */
  ok: Partial<Record<200 | 201 | 202 | 204, string | null>>;
  /**
   * The error codes the handler answers with (the guards' are added from the guards); with the
   * status where the handler names another of the code's own (passkey_failed when adding: 400).
   */
  errors?: readonly (ErrorCode | readonly [ErrorCode, ErrorStatus])[];
  query?: Readonly<Record<string, string>>;
  /** The office's routes read their bodies in the handler: the body's schema in contract/office.ts. */
  officeBody?: keyof OfficeSchemas;
  /** The office's guards, which the document does not read: its staff session, and the role. */
  office?: 'public' | 'session' | 'administrator';
}

const PIN_ERRORS = ['invalid_consumer_credentials', 'consumer_locked', 'too_many_attempts'] as const;
const REENTRY_ERRORS = ['wrong_password', 'too_many_attempts'] as const;
const LOGIN_ERRORS = ['too_many_attempts', 'password_locked'] as const;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'POST /api/register': {
    summary: 'Register with a consumer code and its PIN',
    description: `\`acceptTerms\` must be true (the consent is recorded with the versions of the terms and the privacy statement); \`emailBills\` defaults to true; \`locale\` sets the language of mails. The answer comes once the PIN is proven and the password hashed; the account, the link and the mail are written after it, so nothing tells whether the address is known. The consumer code and PIN are taken as typed and brought to the utility's form first (its configuration's \`upperCase\` and \`spaces\`, e.g. \`t-2024/ 0815\` → \`T-2024/0815\`, \`9023 3871\` → \`90233871\`). The consumer code is linked when the address is confirmed; an unconfirmed registration expires after ${CONFIRM_LINK_HOURS} h.`,
    ok: { 202: "StatusAnswer<'register'>" },
    errors: [...PIN_ERRORS, 'consumer_already_registered'],
  },
  'POST /api/register/resend': {
    summary: 'Send the confirmation link again',
    description:
      'Always 202; a new link goes out (after the answer) only for an unconfirmed account. `recently_sent`: the same requester asked for this address within MAIL_REQUESTER_GAP_S, no new mail.',
    ok: { 202: "StatusAnswer<'mailRequest'>" },
    errors: ['too_many_attempts'],
  },
  'POST /api/confirm': {
    summary: 'Confirm an address (registration or e-mail change) with the link’s token',
    description: `Tokens are single use, valid ${CONFIRM_LINK_HOURS} h; links the pending consumer code. A registration link that can no longer be used, of an account that is confirmed, answers \`already_confirmed\`.`,
    ok: { 200: "StatusAnswer<'confirm'>" },
    errors: ['invalid_token', 'email_taken', 'consumer_already_registered'],
  },
  'POST /api/login': {
    summary: 'Log in with e-mail and password',
    description:
      'Sets the session cookie and the device cookie. `remember`: a persistent cookie (the session ends 30 days after login), otherwise a browser-session cookie and 12 h.',
    ok: { 200: 'AccountAnswer' },
    errors: ['invalid_credentials', 'email_not_confirmed', ...LOGIN_ERRORS],
  },
  'POST /api/login/code/send': {
    summary: 'Mail a 6-digit login code',
    description:
      'Like the forgotten password (its own counters; always 202). A confirmed account gets a code valid 10 minutes, an unconfirmed one its confirmation link again, an unknown address nothing.',
    ok: { 202: "StatusAnswer<'mailRequest'>" },
    errors: ['too_many_attempts'],
  },
  'POST /api/login/code': {
    summary: 'Log in with a mailed code',
    description: 'As the login; spaces in the code are ignored. 401 invalid_code for every failure.',
    ok: { 200: 'AccountAnswer' },
    errors: ['invalid_code', 'too_many_attempts'],
  },
  'POST /api/passkey/login/options': {
    summary: 'A passkey login challenge',
    description:
      'What navigator.credentials.get takes (WebAuthn JSON): a fresh challenge, the RP ID, user verification required, 5 minutes, no credentials listed. Counted per address.',
    ok: { 200: 'PasskeyOptionsAnswer' },
    errors: ['too_many_attempts'],
  },
  'POST /api/passkey/login': {
    summary: 'Log in with a passkey',
    description: '`response`: the assertion’s toJSON(). As the login; 401 passkey_failed for every failure.',
    ok: { 200: 'AccountAnswer' },
    errors: ['passkey_failed', 'too_many_attempts'],
  },
  'POST /api/logout': {
    summary: 'Log out',
    description: 'Revokes the session on the server and clears the cookie.',
    ok: { 204: null },
  },
  'GET /api/me': {
    summary: 'The account of the session, or null',
    description: '`{"account": null}` without a valid session (not 401: anonymous page views are normal).',
    ok: { 200: 'MeAnswer' },
  },
  'POST /api/password/forgot': {
    summary: 'Mail a password reset link',
    description: `Always 202; a link (valid ${RESET_LINK_HOURS} h, voiding older ones) goes out, after the answer, only for an account.`,
    ok: { 202: "StatusAnswer<'mailRequest'>" },
    errors: ['too_many_attempts'],
  },
  'POST /api/password/reset': {
    summary: 'Set a new password with a reset link',
    description:
      'Voids every other session and open link (and, with `removePasskeys`, the passkeys; the provisional ones unless `keepProvisionalPasskeys`), forgets failed logins, mails a notice and logs the resident in (session cookie); confirms an unconfirmed account.',
    ok: { 200: 'ResetAnswer' },
    errors: ['invalid_token', 'consumer_already_registered', 'too_many_attempts'],
  },
  'POST /api/password/reset/passkeys': {
    summary: 'The provisional passkeys a reset link’s account would lose',
    ok: { 200: 'ProvisionalPasskeysAnswer' },
    errors: ['invalid_token'],
  },
  'GET /api/health': {
    summary: 'Health',
    description: '503 service_unavailable when the database cannot be reached.',
    ok: { 200: '{"status": "ok"}' },
  },
  'GET /api/diagnose': {
    summary: 'The installation check’s view of the API',
    description:
      'For <jp-doctor>: answered to every origin, no database, no session, nothing secret. `origin` is the request’s Origin, else (a same-origin GET) `?origin=`.',
    ok: { 200: 'DiagnoseAnswer' },
    query: { origin: 'the page’s origin, when the request carries no Origin' },
  },
  'GET /api/diagnose.js': {
    summary: 'The same as a JavaScript module',
    description: '`export default {…}`, for a page whose CSP blocks connections to the API but allows its scripts.',
    ok: { 200: 'text/javascript' },
    query: { origin: 'the page’s origin, when the request carries no Origin' },
  },
  'GET /api/dev/outbox': {
    summary: 'The development mailbox',
    description: 'Development only (404 in production); newest first.',
    ok: { 200: '{"mails": [...]}' },
  },
  'GET /api/openapi.json': {
    summary: 'This document',
    ok: { 200: 'application/json' },
  },
  'GET /api/reference': {
    summary: 'This document as a page, for the billing system’s developers',
    ok: { 200: 'text/html' },
  },

  'GET /api/bills': {
    summary: 'The account’s bills, newest first, 12 a page',
    ok: { 200: 'BillsPage' },
    query: { consumer: 'one of the account’s consumer codes', page: 'from 1' },
    errors: ['validation_failed', 'not_found'],
  },
  'GET /api/bills/:id': {
    summary: 'A bill with its items, payment slip and IPS QR code',
    ok: { 200: 'BillAnswer' },
    errors: ['not_found'],
  },
  'GET /api/bills/:id/pdf': {
    summary: 'A bill as PDF',
    description: 'The billing system’s PDF when it sent one, else generated in the locale’s script.',
    ok: { 200: 'application/pdf' },
    query: { locale: 'sr-Latn, sr-Cyrl or en' },
    errors: ['not_found'],
  },
  'GET /api/bills/:id/qr.png': {
    summary: 'A bill’s IPS QR code as a picture to save',
    ok: { 200: 'image/png' },
    errors: ['not_found'],
  },

  'POST /api/account/settings': {
    summary: 'E-mail bills and the language of mails',
    description:
      "`locale` (sr-Latn, sr-Cyrl, en) is the account's mail language: every mail and its links (`&jezik=`) are in it, and the portal opens in it after a login on a browser without a choice of its own. The widget sends it from Podešavanja and from its script switch while logged in.",
    ok: { 200: 'AccountAnswer' },
  },
  'POST /api/account/password': {
    summary: 'Change the password',
    description: 'Other sessions and open links are voided; a notice is mailed.',
    ok: { 200: "StatusAnswer<'changePassword'>" },
    errors: REENTRY_ERRORS,
  },
  'POST /api/account/email': {
    summary: 'Change the e-mail address',
    description:
      'A link to the new address (confirmed by POST /api/confirm), a notice to the old one; a taken address gets the same 202 and a notice.',
    ok: { 202: "StatusAnswer<'changeEmail'>" },
    errors: REENTRY_ERRORS,
  },
  'GET /api/account/sessions': {
    summary: 'The account’s sessions',
    ok: { 200: 'SessionsAnswer' },
  },
  'POST /api/account/sessions/revoke': {
    summary: 'End one session',
    ok: { 204: null },
    errors: ['not_found'],
  },
  'POST /api/account/sessions/revoke-all': {
    summary: 'Log out everywhere',
    description:
      'Also voids open reset and e-mail-change links and passkeys being added; `passkeys: true` removes the account’s passkeys too.',
    ok: { 204: null },
  },
  'GET /api/account/consumers': {
    summary: 'The account’s consumer codes with balances, history and unpaid bills',
    ok: { 200: 'ConsumersAnswer' },
  },
  'GET /api/account/consumers/:code/qr.png': {
    summary: 'The IPS QR code of the slip for the total of unpaid bills',
    description: '404 when the utility takes no single payment or fewer than two bills are unpaid.',
    ok: { 200: 'image/png' },
    errors: ['not_found'],
  },
  'POST /api/account/consumers/link': {
    summary: 'Link another consumer code',
    description: "The code and PIN as typed, brought to the utility's form as at registration.",
    ok: { 201: "StatusAnswer<'linkConsumer'>" },
    errors: [...PIN_ERRORS, 'consumer_already_linked', 'consumer_already_registered'],
  },
  'POST /api/account/consumers/unlink': {
    summary: 'Unlink a consumer code',
    ok: { 204: null },
    errors: ['not_found', 'last_consumer'],
  },
  'GET /api/account/passkeys': {
    summary: 'The account’s passkeys',
    ok: { 200: 'PasskeysAnswer' },
  },
  'POST /api/account/passkeys/options': {
    summary: 'A passkey registration challenge',
    description:
      'What navigator.credentials.create takes. Without the password only in a session younger than 5 minutes; counted as an account action.',
    ok: { 200: 'PasskeyOptionsAnswer' },
    errors: ['reauth_required', ...REENTRY_ERRORS],
  },
  'POST /api/account/passkeys': {
    summary: 'Add a passkey',
    description: '`response`: the credential’s toJSON(). 400 passkey_failed.',
    ok: { 201: 'PasskeyAnswer' },
    errors: [['passkey_failed', 400], 'too_many_attempts'],
  },
  'POST /api/account/passkeys/remove': {
    summary: 'Remove a passkey',
    ok: { 200: "StatusAnswer<'removePasskey'>" },
    errors: ['not_found'],
  },
  'GET /api/account/consents': {
    summary: 'The consents given',
    ok: { 200: 'ConsentsAnswer' },
  },
  'GET /api/account/export': {
    summary: 'My data, as a JSON attachment',
    ok: { 200: 'DataExport' },
    errors: ['too_many_attempts'],
  },
  'GET /api/account/export.html': {
    summary: 'My data, as a page to read',
    description:
      'The same records as `GET /api/account/export`, in words (money, dates and months as the resident reads them) in `?lang=` (sr-Latn, sr-Cyrl, en), else the account’s language. Counted with the exports.',
    ok: { 200: 'text/html' },
    query: { lang: 'sr-Latn, sr-Cyrl or en' },
    errors: ['too_many_attempts'],
  },
  'POST /api/account/delete': {
    summary: 'Delete the account',
    description: 'Consumer and bill records stay with the utility; the consumer code is free to register again.',
    ok: { 204: null },
    errors: REENTRY_ERRORS,
  },
  'POST /api/email-bills/unsubscribe': {
    summary: 'Turn e-mail bills off with the signed link of a bill mail',
    description: '`{token}` as JSON, or `?token=` with a form body (RFC 8058 one-click). No session or Origin needed.',
    ok: { 200: "StatusAnswer<'unsubscribe'>" },
    query: { token: 'the signed link’s token (one-click)' },
    errors: ['invalid_token'],
  },

  'POST /api/admin/consumers': {
    summary: 'Import the consumers (CSV)',
    description:
      'UTF-8, or the encoding named by `?encoding=` (or the charset), e.g. windows-1250. Bad rows are reported by line; a bad file is 422 import_failed and nothing is written.',
    ok: { 200: '{"imported", "errors": [{"line", "reason"}]}' },
    query: { encoding: 'the file’s encoding, e.g. windows-1250' },
    errors: ['import_failed'],
  },
  'POST /api/admin/bills': {
    summary: 'Import a month of bills (CSV)',
    description:
      'As the consumers; each new unpaid bill is mailed once to every account that chose e-mail bills (`mailed`: queued, sent after the answer).',
    ok: { 200: '{"imported", "created", "updated", "mailed", "errors"}' },
    query: { encoding: 'the file’s encoding, e.g. windows-1250' },
    errors: ['import_failed'],
  },
  'POST /api/admin/bills/pdf': {
    summary: 'Store the billing system’s own PDF of a bill',
    ok: { 200: '{"status": "stored", "billId"}' },
    query: { code: 'the consumer code', period: 'YYYY-MM' },
    errors: ['validation_failed', 'not_found'],
  },
  'POST /api/admin/bounces': {
    summary: 'Feed bounces from the utility’s bounce mailbox (SMTP)',
    description:
      'CSV `email,type,reason` (`type`: `hard`, `soft` or `complaint`) or the same as a JSON array of `{email, type, reason}`. A hard bounce or a complaint stops that address’s e-bills (its consumers go to the print list as `undeliverable`) until a link mailed to it is opened; the same line fed again is stored once. A report with a bad line is refused whole, naming the lines.',
    ok: { 200: '{"received", "stored"}' },
    query: { encoding: 'the file’s encoding, e.g. windows-1250' },
    errors: ['import_failed'],
  },
  'POST /api/mail/mailchannels': {
    summary: 'MailChannels’ delivery webhook (signed)',
    description:
      'The JSON array of events MailChannels posts, signed as HTTP Message Signatures (RFC 9421, Ed25519) over the `Content-Digest` of the body; verified with MAILCHANNELS_WEBHOOK_KEY (without it the route does not exist). A signature older or newer than 5 minutes is refused. `delivered`, `soft-bounced`, `hard-bounced`, `complained` and `dropped` are stored once each per recipient; a hard bounce, a drop or a complaint stops that address’s e-bills as a bounce report does.',
    ok: { 200: '{"received", "stored"}' },
    errors: ['not_found', 'unauthenticated', 'validation_failed'],
  },
  'POST /api/admin/consumers/unlock': {
    summary: 'Lift a consumer code’s PIN lock',
    description: 'After checking with the resident (also `npm run consumers:unlock -- CODE`).',
    ok: { 200: '{"status": "unlocked", "cleared"}' },
  },
  'GET /api/admin/delivery': {
    summary: 'Who gets paper and who e-mail: a period’s list, or the switches since a cursor',
    description:
      '`?period=YYYY-MM`: every consumer with a bill in the period, the print list’s rows (`delivery` `email` or `paper`; `reason` `no_account`, `unconfirmed`, `opted_out`, `undeliverable`, null for e-mail; `since` an ISO date-time or null) — CSV (UTF-8 with BOM, `;`, the same columns) unless `Accept: application/json`, then `{"period", "rows"}`. `?since=<cursor>` (empty or `0`: from the start): `{"changes": [{"consumerCode", "delivery", "reason", "at"}], "next"}`, oldest first, at most `limit` (default and most 1000); follow `next` until a page is empty, keep the last `next` for later. Exactly one of `period` and `since`.',
    ok: { 200: 'text/csv' },
    query: {
      period: 'YYYY-MM: the list',
      since: 'the feed’s cursor (`next` of the last page; empty or 0 from the start)',
      limit: 'changes in a page, 1–1000',
    },
    errors: ['validation_failed'],
  },

  'POST /api/staff/invitation/options': {
    summary: 'Office: the passkey challenge of an invitation',
    ok: { 200: 'PasskeyOptionsAnswer' },
    officeBody: 'invitationOptions',
    office: 'public',
    errors: ['invalid_token', 'too_many_attempts'],
  },
  'POST /api/staff/invitation': {
    summary: 'Office: accept an invitation with the first passkey',
    ok: { 201: 'StaffAnswer' },
    officeBody: 'acceptInvitation',
    office: 'public',
    errors: ['invalid_token', ['passkey_failed', 400]],
  },
  'POST /api/staff/login/options': {
    summary: 'Office: a passkey login challenge',
    ok: { 200: 'PasskeyOptionsAnswer' },
    office: 'public',
    errors: ['too_many_attempts'],
  },
  'POST /api/staff/login': {
    summary: 'Office: log in with a passkey',
    ok: { 200: 'StaffAnswer' },
    officeBody: 'login',
    office: 'public',
    errors: ['passkey_failed', 'too_many_attempts'],
  },
  'GET /api/staff/me': {
    summary: 'Office: the staff member in session',
    ok: { 200: 'StaffAnswer' },
    office: 'session',
  },
  'POST /api/staff/logout': { summary: 'Office: log out', ok: { 200: 'OfficeStatusAnswer' }, office: 'session' },
  'POST /api/staff/passkeys/options': {
    summary: 'Office: a challenge to add a passkey',
    ok: { 200: 'PasskeyOptionsAnswer' },
    office: 'session',
    errors: ['too_many_attempts'],
  },
  'POST /api/staff/passkeys': {
    summary: 'Office: add a passkey',
    ok: { 201: 'StaffPasskeyAddedAnswer' },
    officeBody: 'addPasskey',
    office: 'session',
    errors: [['passkey_failed', 400]],
  },
  'GET /api/staff/consumers': {
    summary: 'Office: search consumers',
    ok: { 200: 'ConsumerSearchAnswer' },
    query: { q: '2 to 100 characters: a code, a name, an address or an e-mail' },
    office: 'session',
    errors: ['validation_failed'],
  },
  'GET /api/staff/consumers/:code': {
    summary: 'Office: a consumer’s card',
    ok: { 200: 'ConsumerCardAnswer' },
    office: 'session',
    errors: ['validation_failed', 'not_found'],
  },
  'POST /api/staff/consumers/:code/unlock': {
    summary: 'Office: lift a consumer code’s PIN lock, with a reason',
    ok: { 200: 'OfficeStatusAnswer' },
    officeBody: 'withReason',
    office: 'session',
    errors: ['validation_failed', 'not_found', 'too_many_attempts'],
  },
  'POST /api/staff/consumers/:code/resend-confirmation': {
    summary: 'Office: send the confirmation link again, with a reason',
    ok: { 200: 'OfficeStatusAnswer' },
    officeBody: 'withReason',
    office: 'session',
    errors: ['validation_failed', 'not_found', 'too_many_attempts'],
  },
  'POST /api/staff/consumers/:code/notes': {
    summary: 'Office: a note on a consumer',
    ok: { 201: 'OfficeStatusAnswer' },
    officeBody: 'note',
    office: 'session',
    errors: ['validation_failed', 'not_found'],
  },
  'POST /api/staff/invitations': {
    summary: 'Office: invite a staff member',
    ok: { 201: 'InvitationAnswer' },
    officeBody: 'invite',
    office: 'administrator',
    errors: ['too_many_attempts'],
  },
  'GET /api/staff/members': {
    summary: 'Office: the staff',
    ok: { 200: 'StaffListAnswer' },
    office: 'administrator',
  },
  'POST /api/staff/members/:id/disable': {
    summary: 'Office: disable a staff member, with a reason',
    ok: { 200: 'OfficeStatusAnswer' },
    officeBody: 'withReason',
    office: 'administrator',
    errors: ['not_found'],
  },
  'GET /api/staff/audit': {
    summary: 'Office: the audit log (JSON, or CSV)',
    ok: { 200: 'AuditAnswer' },
    office: 'administrator',
    errors: ['validation_failed'],
  },
  'GET /api/staff/print-list': {
    summary: 'Office: the print house’s list of a period (CSV, or JSON)',
    ok: { 200: 'text/csv' },
    query: { period: 'YYYY-MM', delivery: 'which bills' },
    office: 'administrator',
    errors: ['validation_failed'],
  },
  'POST /api/staff/imports/preview': {
    summary: 'Office: what an import of the billing system’s CSV would do, writing nothing',
    description:
      'The file as the body, up to 8 MiB; its encoding from `?encoding=` or the charset, else detected (UTF-8 or windows-1250). Read with the billing system’s own checks and compared with the database: new, changed and unchanged rows, the periods, every bad line (at most 1000) with its column. A file that cannot be read at all is 422 import_failed.',
    ok: { 200: 'ImportPreviewAnswer' },
    query: { kind: '`bills` or `consumers`', encoding: 'the file’s encoding, e.g. windows-1250' },
    office: 'administrator',
    errors: ['validation_failed', 'import_failed'],
  },
  'POST /api/staff/imports': {
    summary: 'Office: import the billing system’s CSV, all or nothing',
    description:
      'As the preview; a file with any bad line is 422 import_failed naming them (`fields.lines`, at most 1000) and writes nothing; a good one is written as POST /api/admin/bills or /api/admin/consumers writes it (the new bills’ mails queued).',
    ok: { 200: 'ImportAnswer' },
    query: { kind: '`bills` or `consumers`', encoding: 'the file’s encoding, e.g. windows-1250' },
    office: 'administrator',
    errors: ['validation_failed', 'import_failed'],
  },
  'GET /api/staff/runs': {
    summary: 'Office: the bill run of a period, as numbers',
    ok: { 200: 'RunProgressAnswer' },
    query: { period: 'YYYY-MM' },
    office: 'administrator',
    errors: ['validation_failed'],
  },
  'POST /api/staff/runs/:period/retry': {
    summary: 'Office: queue the period’s failed bill mails again',
    ok: { 200: 'RunRetryAnswer' },
    office: 'administrator',
    errors: ['validation_failed'],
  },
  'GET /api/staff/overview': {
    summary: 'Office: the portal’s numbers (12 weeks, counts now)',
    ok: { 200: 'OverviewAnswer' },
    office: 'administrator',
  },
};
