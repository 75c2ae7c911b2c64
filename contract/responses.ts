// What the API answers, as both sides see it: the worker's routes build these shapes (checked with
// `satisfies` where they answer) and the widget reads them. Invariant: a field is added here
// first, so the two sides cannot drift; amounts are dinars (RSD, two decimals), periods
// `YYYY-MM`, dates `YYYY-MM-DD`, times milliseconds since 1970 (contract/format.ts words them).
import type { Locale } from './locales.ts';
import type { Device } from './user-agent.ts';

/** A consumer code linked to an account, with the billing system's name and address. */
export interface AccountConsumer {
  code: string;
  name: string;
  address: string;
}

/** The resident's account: `POST /api/login`, `GET /api/me`, `POST /api/account/settings`. */
export interface Account {
  id: string;
  name: string;
  email: string;
  emailBills: boolean;
  locale: Locale;
  consumers: AccountConsumer[];
  /** Mail to the address bounced for good or was reported as spam: bills go by post until it is proven again. */
  undeliverable?: { since: number; reason: 'bounce_hard' | 'complaint' };
}
export interface AccountAnswer {
  account: Account;
}
/** `GET /api/me`: `null` when nobody is logged in (200, not 401: anonymous page views are normal). */
export interface MeAnswer {
  account: Account | null;
}

/** `POST /api/password/reset`: the resident is logged in at once. */
export interface ResetAnswer {
  status: 'password_reset';
  account: Account;
}

/**
 * `POST /api/password/reset/passkeys`: the provisional passkeys a reset removes unless kept (a valid
 * reset link only).
 */
export interface ProvisionalPasskeysAnswer {
  passkeys: { device: Device; createdAt: number }[];
  /** How many passkeys the account has in all: the reset form offers to remove them only when it has some. */
  count: number;
}

/** The answers that carry only a status, by request. */
export interface StatusAnswers {
  register: 'confirmation_sent';
  /** `recently_sent`: the same requester asked a moment ago, no new mail. */
  mailRequest: 'accepted' | 'recently_sent';
  /** `already_confirmed`: a registration link opened again after the account was confirmed. */
  confirm: 'confirmed' | 'email_changed' | 'already_confirmed';
  changeEmail: 'confirmation_sent';
  changePassword: 'password_changed';
  linkConsumer: 'linked';
  unsubscribe: 'unsubscribed';
  removePasskey: 'removed';
}
export interface StatusAnswer<K extends keyof StatusAnswers> {
  status: StatusAnswers[K];
}

/** `GET /api/account/consumers`: each linked code with its debt. */
export interface ConsumerSummary extends AccountConsumer {
  /**
   * "Trenutno dugovanje": the total of the consumer's unpaid bills (always `unpaidTotal`) — not the
   * billing file's `dug` of one bill, which is as of that bill's issue (docs/api.md, the bills CSV).
   */
  balance: number;
  lastPeriod: string | null;
  unpaidBills: number;
  /** The bills of the last 12 months up to the latest one, oldest first: the chart's figures. */
  history: BillSummary[];
  /** Every unpaid bill, oldest first, and their sum. */
  unpaid: BillSummary[];
  unpaidTotal: number;
  /**
   * How several unpaid bills are paid (config/utility.json `payment.totalPayment`): `perBill`, each
   * with its own slip; `total`, one payment of the sum with the consumer's reference — then `total`
   * is that slip and its QR code (null when fewer than two bills are unpaid).
   */
  payRule: 'perBill' | 'total';
  total: { slip: PaymentSlip; ipsQr: string; qrSvg: string } | null;
}
export interface ConsumersAnswer {
  consumers: ConsumerSummary[];
}

export interface BillSummary {
  id: string;
  consumerCode: string;
  period: string;
  issueDate: string;
  dueDate: string;
  /** The billing file's `iznos`: this bill's own amount, what its slip and IPS QR code pay. */
  amount: number;
  /**
   * The billing file's `dug` as it came (the consumer's debt as of the issue date in Stambeno
   * Ruma's file, what is left of this bill in others'); shown to no resident as an amount to pay.
   */
  balance: number;
  paid: boolean;
  /** The payment date the billing system reported, or null. */
  paidAt: string | null;
}

/** `GET /api/bills?consumer=&page=`: newest first. */
export interface BillsPage {
  bills: BillSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** The payment slip (nalog za uplatu) of a bill, as printed. */
export interface PaymentSlip {
  payee: string;
  payer: string;
  account: string;
  amount: number;
  currency: 'RSD';
  /** The reference model: 97 (check digits in front) or 00 (none). */
  model: '97' | '00';
  reference: string;
  paymentCode: string;
  purpose: string;
}

/** `GET /api/bills/:id`. */
export interface BillDetail extends BillSummary {
  items: { description: string; amount: number }[];
  hasPdf: boolean;
  /** "Za uplatu ovom uplatnicom": the slip's and the IPS QR code's amount (the bill's `amount`). */
  toPay: number;
  /**
   * The consumer's older unpaid bills (periods before this one), oldest first, and their total: debt
   * this slip does not pay; each is paid with its own slip (or the consumer's total where the utility takes one).
   */
  older: { bills: Pick<BillSummary, 'id' | 'period' | 'amount' | 'dueDate'>[]; total: number };
  slip: PaymentSlip;
  /** The NBS IPS QR text, and its QR code as SVG markup. */
  ipsQr: string;
  qrSvg: string;
}
export interface BillAnswer {
  bill: BillDetail;
}

/** `GET /api/account/sessions`; `id` is a prefix of the session's hash, useless as a credential. */
export interface SessionInfo {
  id: string;
  current: boolean;
  remember: boolean;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string | null;
  /** The browser and system read from the User-Agent (contract/user-agent.ts), for words. */
  device: Device;
}
export interface SessionsAnswer {
  sessions: SessionInfo[];
}

/**
 * `POST /api/passkey/login/options` and `POST /api/account/passkeys/options`: what the widget
 * hands to `navigator.credentials` (the WebAuthn JSON forms, base64url for bytes; typed loosely
 * here so the contract needs no DOM or library types).
 */
export interface PasskeyOptionsAnswer {
  options: Record<string, unknown> & { challenge: string; rpId?: string };
}

/** One of the account's passkeys; `id` is the credential id (base64url), never a secret. */
export interface PasskeyInfo {
  id: string;
  /** The browser and system it was made on (contract/user-agent.ts), for "Telefon — Android". */
  device: Device;
  createdAt: number;
  lastUsedAt: number | null;
  /** Synced to the resident's other devices (iCloud Keychain, Google Password Manager). */
  backedUp: boolean;
}
/**
 * `GET /api/account/passkeys`. `reauthRequired`: adding one needs the password re-entered (the
 * session is older than 5 minutes).
 */
export interface PasskeysAnswer {
  passkeys: PasskeyInfo[];
  reauthRequired: boolean;
}
/** `POST /api/account/passkeys`: the passkey just added. */
export interface PasskeyAnswer {
  passkey: PasskeyInfo;
}

/** `GET /api/account/consents`: the terms and privacy statement versions accepted, and when. */
export interface Consent {
  termsVersion: string;
  privacyVersion: string;
  acceptedAt: number;
}
export interface ConsentsAnswer {
  consents: Consent[];
}

/**
 * `GET /api/account/export` ("my data", a JSON file): a summary in words a person reads first,
 * then every record with ISO 8601 dates (UTC).
 */
export interface DataExport {
  summary: {
    controller: string;
    exportedAt: string;
    name: string;
    email: string;
    consumerCodes: string[];
    sessions: number;
    consents: number;
    bills: number;
    passkeys: number;
  };
  account: Account & { createdAt: string; confirmedAt: string | null };
  consents: { termsVersion: string; privacyVersion: string; acceptedAt: string }[];
  sessions: { createdAt: string; lastSeenAt: string; userAgent: string | null; remember: boolean }[];
  passkeys: { id: string; createdAt: string; lastUsedAt: string | null; userAgent: string | null; backedUp: boolean }[];
  bills: BillSummary[];
}

/**
 * `GET /api/diagnose` (and `/api/diagnose.js`, the same as a module): what the installation check
 * (`<jp-doctor>`) needs from the API. Answered to any origin, without the database; the list of
 * allowed origins only outside production (in production only whether the page's origin is on it).
 */
export interface DiagnoseAnswer {
  /**
   * The page's origin as the request carried it (`Origin`, else `?origin=` of a same-origin page);
   * null without either.
   */
  origin: string | null;
  /** Whether `origin` is in ALLOWED_ORIGINS; null when no origin came. */
  originAllowed: boolean | null;
  /** ALLOWED_ORIGINS, outside production only. */
  allowedOrigins?: string[];
  /**
   * The browser's `Sec-Fetch-Site` for this request (`same-site`: the cookie is first-party); null
   * when it sent none.
   */
  fetchSite: string | null;
  /** The API's public origin (API_URL). */
  apiOrigin: string;
  /**
   * PORTAL_URL: the page the mails' links open (confirmation, new password, bills). Public — every
   * mail names it —, so in production too: the check compares it with the page the widget is on.
   */
  portalUrl: string;
  /** The WebAuthn RP ID passkeys are bound to. */
  rpId: string;
  cookie: { name: string; secure: boolean; sameSite: 'Lax'; httpOnly: true };
  /** The portal's version (package.json). */
  version: string;
  production: boolean;
}
