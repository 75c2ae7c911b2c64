import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

// Times are epoch milliseconds (integers) so that comparisons are plain and portable.

/** Consumers as exported by the billing system. PINs only as keyed digests. */
export const consumers = sqliteTable('consumers', {
  code: text('code').primaryKey(),
  pinDigest: text('pin_digest').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** The name and address folded for the office's search (consumers/search-key.ts); null until folded. */
  searchKey: text('search_key'),
});

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    emailBills: integer('email_bills', { mode: 'boolean' }).notNull(),
    locale: text('locale').notNull(),
    confirmedAt: integer('confirmed_at'),
    /** Until confirmation: the consumer code proven at registration, linked when the address is confirmed. */
    pendingConsumerCode: text('pending_consumer_code'),
    /**
     * The account's security version (auth/account-state.ts): every account-wide event advances
     * it, and every link, code, session, device cookie and pending passkey records the version it
     * was issued under and is refused once the account has moved on.
     */
    securityVersion: integer('security_version').notNull().default(1),
    /**
     * Mail to the address bounced hard or was reported as spam (mail/delivery-events.ts): e-bills
     * stop and the consumer goes back to paper until the address is proven again (`emailProvenAt`).
     */
    undeliverableAt: integer('undeliverable_at'),
    undeliverableReason: text('undeliverable_reason', { enum: ['bounce_hard', 'complaint'] }),
    /** When a link mailed to the address was last opened (confirmation, e-mail change, reset): it arrived then. */
    emailProvenAt: integer('email_proven_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('accounts_email_uq').on(t.email),
    index('accounts_unconfirmed_idx').on(t.confirmedAt, t.createdAt),
  ],
);

/** The primary key on the consumer code is what makes "one confirmed account per consumer code" hold under races (a code is linked at confirmation). */
export const accountConsumers = sqliteTable(
  'account_consumers',
  {
    consumerCode: text('consumer_code')
      .primaryKey()
      .references(() => consumers.code),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [index('account_consumers_account_idx').on(t.accountId)],
);

export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    termsVersion: text('terms_version').notNull(),
    privacyVersion: text('privacy_version').notNull(),
    acceptedAt: integer('accepted_at').notNull(),
  },
  (t) => [index('consents_account_idx').on(t.accountId)],
);

/** Confirmation and reset tokens: only the SHA-256 of the token is kept. */
export const tokens = sqliteTable(
  'tokens',
  {
    hash: text('hash').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['confirm', 'reset', 'email'] }).notNull(),
    /** For an e-mail change: the new address, applied when the token is used. */
    payload: text('payload'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    /** Random marker of the request that used the token; later statements of its batch check it. */
    usedNonce: text('used_nonce'),
    /** The account's security version when it was issued. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('tokens_account_idx').on(t.accountId, t.purpose), index('tokens_expires_idx').on(t.expiresAt)],
);

/** Sessions: only the SHA-256 of the cookie token is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    hash: text('hash').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    remember: integer('remember', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    userAgent: text('user_agent'),
    /** The account's security version when it began (or when an event it made re-stamped it). */
    version: integer('version').notNull().default(1),
    /** How it began: `password`, `code`, `passkey`, `provisional-passkey`, `reset` (SessionMethod in auth/sessions.ts). */
    method: text('method').notNull().default('password'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Fixed-window failure counters, kept in the database so they hold across processes and isolates. */
export const throttles = sqliteTable(
  'throttles',
  {
    key: text('key').primaryKey(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
    blockedUntil: integer('blocked_until').notNull().default(0),
    /** The request that last took a slot: lets its own transaction give the slot back when another rule refused it. */
    nonce: text('nonce'),
  },
  (t) => [index('throttles_window_idx').on(t.windowStart)],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body').notNull(),
    /** JSON: extra headers (List-Unsubscribe) and attachments ({filename, type, content: base64}). */
    headers: text('headers'),
    attachments: text('attachments'),
    /**
     * JSON: what a mail rendered when it is sent is made from (a bill mail: `{bill, account}`); its
     * subject and bodies stay empty until then, so the outbox never holds a month of PDFs.
     */
    ref: text('ref'),
    /** `cancelled`: nothing to send any more when its turn came (a bill paid meanwhile, e-mail bills switched off). */
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    /** When it was sent (or cancelled). */
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_created_idx').on(t.createdAt),
    // Only the mails whose bodies are still kept: the cleanup finds those past the retention without a scan.
    index('outbox_bodies_idx').on(t.sentAt).where(sql`${t.text} <> ''`),
  ],
);

/** Bills from the billing system; amounts in para (1/100 RSD). One bill per consumer and period. */
export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    consumerCode: text('consumer_code')
      .notNull()
      .references(() => consumers.code),
    period: text('period').notNull(),
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date').notNull(),
    amount: integer('amount').notNull(),
    balance: integer('balance').notNull(),
    payeeAccount: text('payee_account').notNull(),
    reference: text('reference').notNull(),
    items: text('items').notNull().default('[]'),
    paidAt: text('paid_at'),
    pdfKey: text('pdf_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bills_consumer_period_uq').on(t.consumerCode, t.period),
    index('bills_consumer_idx').on(t.consumerCode, t.period),
    // The office's run watcher and the print list read one period's bills (every 2 s during a run).
    index('bills_period_idx').on(t.period),
  ],
);

/** `bill_mails.outbox_id` of a bill mail written before 0007 and not yet queued (the migration queued them all). */
export const PENDING_BILL_MAIL = 'pending';

/**
 * Which bill goes to which account: the primary key is what keeps a bill from being mailed
 * twice. Written with the bill and its outbox row (`billMailId`) in the import's transaction;
 * kept after the outbox row's 30 days.
 */
export const billMails = sqliteTable(
  'bill_mails',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id),
    accountId: text('account_id').notNull(),
    outboxId: text('outbox_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.accountId] })],
);

/**
 * Work a request promised before it was done (a registration, a reset or confirmation mail): the
 * row is written before the answer, the work runs right after it and deletes the row in the
 * same transaction as its own writes; the periodic job retries rows whose lease ran out.
 * `payload` is JSON and never holds a password or a PIN in clear.
 */
export const pendingWork = sqliteTable(
  'pending_work',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    runAfter: integer('run_after').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('pending_work_due_idx').on(t.runAfter)],
);

/** The outbox id of the mail of one bill to one account: the same on every run, so it can be queued only once. */
export const billMailId = (billId: string, accountId: string) => `bill:${billId}:${accountId}`;

/**
 * Passkeys (WebAuthn credentials), found by their credential id at login so no e-mail is typed.
 * The public key as COSE bytes (base64url); the counter and backup flag as the last assertion
 * reported them; `user_agent` names the device it was made on ("Chrome na Androidu").
 */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    /** JSON array of the transports the authenticator reported (`internal`, `hybrid`, …). */
    transports: text('transports'),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull(),
    userAgent: text('user_agent'),
    /**
     * Added soon after the account was confirmed or in a session begun by a login code, when whoever
     * held the mailbox (or the pending registration) may not be the resident: listed on the reset
     * form and removed by a reset unless the resident keeps it.
     */
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('passkeys_account_idx').on(t.accountId)],
);

/**
 * WebAuthn challenges: only their SHA-256, single use (deleted when used), 5 minutes. A
 * registration challenge belongs to the account (and the session) that asked for it; a login
 * challenge to nobody yet.
 */
export const webauthnChallenges = sqliteTable(
  'webauthn_challenges',
  {
    hash: text('hash').primaryKey(),
    purpose: text('purpose', { enum: ['register', 'login'] }).notNull(),
    accountId: text('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    sessionHash: text('session_hash'),
    /** A registration's: the account's security version when it was asked for. */
    version: integer('version'),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webauthn_challenges_expires_idx').on(t.expiresAt)],
);

/**
 * One-time login codes by e-mail: at most one open code per account (a new one replaces it),
 * 6 digits kept only as a keyed digest (HMAC with PIN_KEY, like PINs), 10 minutes, at most 5
 * tries, single use (`used_nonce` marks the request that used it, as for tokens).
 */
export const loginCodes = sqliteTable(
  'login_codes',
  {
    accountId: text('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    digest: text('digest').notNull(),
    tries: integer('tries').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    usedNonce: text('used_nonce'),
    /** The account's security version when it was mailed. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('login_codes_expires_idx').on(t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------
// The utility's office (docs/office.md): staff, apart from residents. Staff log in with passkeys
// only; their sessions, challenges and invitations are their own; every staff action is written
// to the append-only audit log (no UPDATE or DELETE of it anywhere, and triggers refuse both).

/** Staff: `salter` (counter clerk) or `administrator`. Never deleted: disabled (their sessions end with the version). */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['salter', 'administrator'] }).notNull(),
    /** Advanced by every staff-wide event (disabled, passkeys replaced by a new invitation): sessions and challenges of an older version are refused. */
    securityVersion: integer('security_version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
  },
  (t) => [uniqueIndex('staff_email_uq').on(t.email)],
);

/** Staff passkeys (as `passkeys`, for staff): found by credential id at login. */
export const staffPasskeys = sqliteTable(
  'staff_passkeys',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports'),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull(),
    userAgent: text('user_agent'),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('staff_passkeys_staff_idx').on(t.staffId)],
);

/** Staff sessions: only the SHA-256 of the cookie token; 30 minutes idle, 12 hours at most, at the staff member's security version. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    hash: text('hash').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    version: integer('version').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId), index('staff_sessions_expires_idx').on(t.expiresAt)],
);

/** Invitations: only the SHA-256 of the token, single use, with an expiry and the role they give. */
export const staffInvitations = sqliteTable(
  'staff_invitations',
  {
    hash: text('hash').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['salter', 'administrator'] }).notNull(),
    /** The administrator who invited (null: the command line). */
    invitedBy: text('invited_by'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('staff_invitations_email_idx').on(t.email), index('staff_invitations_expires_idx').on(t.expiresAt)],
);

/**
 * Staff WebAuthn challenges (SHA-256 only, 5 minutes, single use): `invite` belongs to an
 * invitation, `register` to a staff session at its version, `login` to nobody yet.
 */
export const staffChallenges = sqliteTable(
  'staff_challenges',
  {
    hash: text('hash').primaryKey(),
    purpose: text('purpose', { enum: ['invite', 'register', 'login'] }).notNull(),
    staffId: text('staff_id'),
    sessionHash: text('session_hash'),
    invitationHash: text('invitation_hash'),
    version: integer('version'),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('staff_challenges_expires_idx').on(t.expiresAt)],
);

/** Notes on a consumer for colleagues at the counter (kept; a newer note does not replace an older one). */
export const staffNotes = sqliteTable(
  'staff_notes',
  {
    id: text('id').primaryKey(),
    consumerCode: text('consumer_code').notNull(),
    staffId: text('staff_id').notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('staff_notes_consumer_idx').on(t.consumerCode, t.createdAt)],
);

/**
 * The audit log: every staff action (look-ups included), who, when, from which address, on
 * which consumer or account, why. Append-only: nothing in the code updates or deletes a row, and
 * the migration's triggers refuse both. No foreign keys: an entry outlives the account it names.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    staffId: text('staff_id'),
    ip: text('ip').notNull(),
    action: text('action').notNull(),
    consumerCode: text('consumer_code'),
    accountId: text('account_id'),
    reason: text('reason'),
    /** JSON: what else the action names (a search's query, an export's period). */
    detail: text('detail'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_staff_idx').on(t.staffId, t.at),
    index('audit_log_consumer_idx').on(t.consumerCode, t.at),
  ],
);

/**
 * When a resident's bills went to e-mail or back to paper: written by the migrations' triggers on
 * `accounts` and `account_consumers` (0010, 0012: a confirmation, a switch of `email_bills`, an
 * address marked undeliverable or proven again, a code linked or unlinked), so the residents'
 * routes need not know of it. The office's card says "since when"; the billing system follows the
 * switches by `id` (GET /api/admin/delivery?since=). Since 0012 one row per consumer code linked at
 * the time, with the print list's reason (null: e-mail); a row of an unlinked code has
 * `account_id` '' so it outlives the account, and its `at` from the database's clock (a trigger
 * cannot read the app's). Rows from before 0012 have no consumer code.
 */
export const deliveryChanges = sqliteTable(
  'delivery_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id').notNull(),
    emailBills: integer('email_bills', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(),
    consumerCode: text('consumer_code'),
    reason: text('reason'),
  },
  (t) => [index('delivery_changes_account_idx').on(t.accountId, t.at)],
);

/**
 * What became of mail after it left (mail/delivery-events.ts): delivery events from the platform,
 * MailChannels' webhooks or the utility's bounce mailbox. The id is the source's own event id
 * (or a digest of the reported line), so an event fed twice is stored once, in any order.
 */
export const mailEvents = sqliteTable(
  'mail_events',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    /** The outbox row the event names (by our Message-ID or X-Outbox-Id), when it names one. */
    outboxId: text('outbox_id'),
    email: text('email').notNull(),
    type: text('type', { enum: ['delivered', 'bounce_hard', 'bounce_soft', 'complaint', 'deferred'] }).notNull(),
    reason: text('reason'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('mail_events_email_idx').on(t.email, t.occurredAt), index('mail_events_outbox_idx').on(t.outboxId)],
);
