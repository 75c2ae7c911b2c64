// The utility's office (staff console, docs/office.md): the requests its API accepts and the
// answers it gives, shared by the worker (worker/src/routes/staff/) and the console. Kept apart
// from the residents' schemas and answers so that nothing of the office reaches their bundle.
import * as v from 'valibot';
import { confirmSchema, passkeyAddSchema, passkeyLoginSchema, resendSchema } from './schemas.ts';

export const STAFF_ROLES = ['salter', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

const text = (min: number, max: number) =>
  v.pipe(
    v.string('required'),
    v.trim(),
    v.nonEmpty('required'),
    v.minLength(min, 'required'),
    v.maxLength(max, 'too_long'),
    v.regex(NO_CONTROL, 'invalid_format'),
    v.regex(WELL_FORMED, 'invalid_format'),
  );
const body = <E extends v.ObjectEntries>(entries: E) => v.object(entries, 'invalid_body');

/** Why a staff member did something that asks for a reason (an unlock, a disabling): a few words at least. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;
export const NOTE_MAX = 2000;
const reason = () => text(REASON_MIN, REASON_MAX);
const email = () => resendSchema().entries.email;
const token = () => confirmSchema().entries.token;
const role = () => v.picklist(STAFF_ROLES, 'invalid_format');

export const officeSchemas = () => ({
  /** `POST /api/staff/invitation/options`: the invitation's token. */
  invitationOptions: body({ token: token() }),
  /** `POST /api/staff/invitation`: the token and the first passkey. */
  acceptInvitation: body({ token: token(), response: passkeyAddSchema().entries.response }),
  /** `POST /api/staff/login`. */
  login: body({ response: passkeyLoginSchema().entries.response }),
  /** `POST /api/staff/passkeys`: a further passkey of the staff member in session. */
  addPasskey: passkeyAddSchema(),
  /** `POST /api/staff/invitations` (administrator). */
  invite: body({ email: email(), name: text(1, 120), role: role() }),
  /** `POST /api/staff/consumers/:code/unlock`, `…/resend-confirmation`, `POST /api/staff/members/:id/disable`. */
  withReason: body({ reason: reason() }),
  /** `POST /api/staff/consumers/:code/notes`. */
  note: body({ text: text(1, NOTE_MAX) }),
});
export type OfficeSchemas = ReturnType<typeof officeSchemas>;

/** The staff member in session. */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}
export interface StaffAnswer {
  staff: StaffMember;
}

/** `GET /api/staff/consumers?q=`: at most 50 matches. */
export interface ConsumerHit {
  code: string;
  name: string;
  address: string;
  /** The registered account's address (partly hidden for `salter`), if any. */
  email: string | null;
}
export interface ConsumerSearchAnswer {
  consumers: ConsumerHit[];
}

/** The PIN lock of a consumer code as the throttle rows say (worker/src/auth/limits.ts `pin`). */
export interface PinState {
  /** Locked for good until its time, or for the day or window: no PIN is taken now. */
  locked: boolean;
  /** When the current lock ends (ms), if locked. */
  lockedUntil: number | null;
  /** Wrong PINs counted towards the total lock. */
  failures: number;
}

export interface ConsumerCard {
  code: string;
  name: string;
  address: string;
  /** The account registered for the code: confirmed (linked) or pending (waiting for its confirmation). */
  account: {
    id: string;
    /** Partly hidden for `salter` (`p***@gmail.com`). */
    email: string;
    name: string;
    state: 'confirmed' | 'pending';
    /** Confirmed: when linked; pending: when registered. */
    since: number;
    delivery: 'email' | 'paper';
    /** When the current choice of bills began (null: not recorded, before the office existed). */
    deliverySince: number | null;
    /** Mail to the address bounced for good or was reported as spam: bills go on paper until it is proven again. */
    undeliverable: { since: number; reason: 'bounce_hard' | 'complaint' } | null;
  } | null;
  pin: PinState;
  bills: { id: string; period: string; amount: number; balance: number; dueDate: string; paidAt: string | null }[];
  /** What became of mail to the address: delivery events (delivered, bounces, complaints), newest first. */
  deliveryEvents: {
    type: 'delivered' | 'bounce_hard' | 'bounce_soft' | 'complaint' | 'deferred';
    reason: string | null;
    at: number;
    source: string;
    outboxId: string | null;
  }[];
  /** Mails to the account's address and the consumer's bill mails, newest first (subjects only). */
  mails: {
    id: string;
    kind: string;
    subject: string;
    status: string;
    createdAt: number;
    sentAt: number | null;
    lastError: string | null;
  }[];
  notes: { id: string; text: string; staffName: string; createdAt: number }[];
}
export interface ConsumerCardAnswer {
  consumer: ConsumerCard;
}

export interface OfficeStatusAnswer {
  status: 'unlocked' | 'not_locked' | 'confirmation_sent' | 'noted' | 'invited' | 'disabled' | 'logged_out';
}

export interface AuditEntry {
  id: number;
  at: number;
  staffId: string | null;
  ip: string;
  action: string;
  consumerCode: string | null;
  accountId: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
}
export interface AuditAnswer {
  entries: AuditEntry[];
}

export interface StaffListAnswer {
  staff: (StaffMember & { createdAt: number; disabledAt: number | null; passkeys: number })[];
}

/** `POST /api/staff/passkeys`: a further passkey of the staff member in session (201). */
export interface StaffPasskeyAddedAnswer {
  status: 'added';
  id: string;
}

/** `POST /api/staff/invitations`: the link is shown once to the administrator (and mailed). */
export interface InvitationAnswer {
  status: 'invited';
  link: string;
  expiresAt: number;
}

/** What the office can import (Uvoz): the billing system's two CSV exports. */
export type ImportKind = 'bills' | 'consumers';

/** One bad cell or row of an import (contract/errors.ts, beside import_failed that carries them). */
export type { ImportLineError } from './errors.ts';
import type { ImportLineError } from './errors.ts';

/**
 * `POST /api/staff/imports/preview?kind=` with the file as the body (`text/csv`, `?encoding=` or
 * detected): what the import would do, writing nothing.
 */
export interface ImportPreviewAnswer {
  kind: ImportKind;
  /** The encoding the file was read in (`utf-8`, `windows-1250`, …) and whether it was detected or named. */
  encoding: string;
  encodingDetected: boolean;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  /** Bills: the billing periods in the file. */
  periods: string[];
  errors: ImportLineError[];
}

/**
 * `POST /api/staff/imports?kind=` with the same body: all or nothing — a file with any error is
 * refused (422 `import_failed`, the errors by line) and writes nothing.
 */
export interface ImportAnswer {
  kind: ImportKind;
  created: number;
  updated: number;
  /** Bills: the e-bills queued by this import. */
  mailed: number;
  periods: string[];
}

/** `GET /api/staff/runs?period=YYYY-MM`: the bill run of a period, as numbers (the console polls it). */
export interface RunProgressAnswer {
  period: string;
  /** Bills of the period. */
  bills: number;
  /**
   * Bill mails by state: waiting to go, handed to the transport, failed for good, cancelled, to an
   * undeliverable address.
   */
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
  undeliverable: number;
  /** Bills of the period that go on paper (no e-bill). */
  paper: number;
  /** Nothing is queued any more. */
  done: boolean;
}

/** `POST /api/staff/runs/:period/retry`: the failed bill mails of the period queued again. */
export interface RunRetryAnswer {
  retried: number;
}

/** `GET /api/staff/overview` (Pregled): the portal's numbers for the administrator. */
export interface OverviewAnswer {
  /** The last 12 ISO weeks, oldest first (`2026-W49`): registrations begun and confirmed that week, logins. */
  weeks: { week: string; registrations: number; confirmed: number; logins: number }[];
  consumers: number;
  /** Consumers with a linked, confirmed account. */
  registered: number;
  /** Consumers whose bills go by e-mail. */
  emailBills: number;
  /** Confirmed accounts with at least one passkey, and all confirmed accounts. */
  accountsWithPasskey: number;
  accounts: number;
  /** Accounts whose address is marked undeliverable. */
  undeliverable: number;
  /** Consumer codes whose PIN is locked now. */
  lockedCodes: number;
}
