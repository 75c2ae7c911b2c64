// Configuration from environment variables (process.env on Node, bindings on Workers).
// Pure: no Node APIs. The utility's own configuration comes from the entry (read and checked at
// start on Node, bundled on Workers).
// A new variable goes in ./config-vars.ts too, with its default and meaning (docs/configuration.md is
// written from it; test/worker/docs/config-vars.test.ts fails on a name or default missing there).
// Invariant: development (dev keys, dev mailbox, /api/dev/outbox, the demo consumers) only when
// APP_ENV=development says so by name — `npm start` does; unset is production, which refuses to
// start without its secrets, and any other value is refused. A development configuration that
// looks like production (https portal or API, mail sent anywhere but loopback) is refused too.
import type { UtilityConfig } from '../../contract/utility-config.ts';
import { CONFIRM_LINK_HOURS, RESET_LINK_HOURS } from '../../contract/links.ts';
import { isLoopbackHost } from './http/loopback.ts';
import { webhookKeyBytes } from './mail/ed25519-key.ts';

export type Env = Record<string, string | undefined>;

export const DEV_PIN_KEY = 'dev-only-pin-key-never-use-in-production-0000';
export const DEV_SIGNING_KEY = 'dev-only-signing-key-never-use-in-production-00';

/** Every number of the throttling policy (worker/src/auth/limits.ts names the rules). */
export interface Limits {
  pinMaxFailures: number;
  pinIpMaxFailures: number;
  pinWindowMs: number;
  /** Wrong PINs per consumer code per day, and in total until the utility unlocks the code. */
  pinDailyMaxFailures: number;
  pinTotalMaxFailures: number;
  loginFreeFailures: number;
  loginIpMaxFailures: number;
  loginWindowMs: number;
  /** How long an account's failed logins are remembered (a success forgets them): longer than the longest delay, so the delays keep growing. */
  loginAccountWindowMs: number;
  /** The first delay after the free failures; each further failure doubles it up to loginMaxDelayMs. */
  loginFirstDelayMs: number;
  loginMaxDelayMs: number;
  /** Failures a browser that has logged in to the account before may make, on its own counter. */
  deviceMaxFailures: number;
  /** Wrong login codes per day per e-mail address and requester (or trusted browser); strangers together get five times that. */
  loginCodeDailyMaxFailures: number;
  /** Wrong passwords in a row (never forgotten with time, NIST SP 800-63B-4's 100): then only a reset link, a login code or a passkey. */
  loginMaxConsecutiveFailures: number;
  /** How long a consumer code stays locked after the total of wrong PINs (or until the utility unlocks it). */
  pinLockMs: number;
  /** Wrong passwords re-entered inside one session (e-mail change, password change, delete). */
  reverifyMaxFailures: number;
  /** Password hashing work (login, registration, reset, re-entry) per address, successful or not. */
  passwordWorkPerAddress: number;
  mailRequestsPerHour: number;
  mailRequestsIpPerHour: number;
  /** The same requester asking for the same address again within this time gets "already sent". */
  mailRequesterGapMs: number;
  registrationsIpPerHour: number;
  /** "Someone tried to register with your address": at most this often per address. */
  registerNoticeGapMs: number;
  /** Each account action (e-mail change, password change, delete, link code, export) per account per day. */
  accountActionsPerDay: number;
  accountActionsIpPerHour: number;
  adminIpMaxFailures: number;
  /** Passkey login challenges per address per hour (each one a row until it is used or expires). */
  passkeyOptionsIpPerHour: number;
}

export interface Config {
  production: boolean;
  utility: UtilityConfig;
  portalUrl: string;
  allowedOrigins: string[];
  /** The WebAuthn relying party ID passkeys are bound to (RP_ID, default the host of PORTAL_URL). */
  rpId: string;
  pinKey: string;
  /** HMAC key for signed links (e-mail bill unsubscribe), HS256 via jose. */
  signingKey: string;
  /** Public origin of this worker's API, for links that go straight to it (List-Unsubscribe). */
  apiUrl: string;
  /** Bearer token for the billing system's endpoints (/api/admin/*); absent → those endpoints are off. */
  adminToken?: string;
  /** The billing system's next token during a rotation (ADMIN_TOKEN_NEXT): valid beside adminToken. */
  adminTokenNext?: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** How mail leaves (`MAIL_TRANSPORT`): the dev outbox, MailChannels' API, the utility's SMTP relay (Node), or Cloudflare's `send_email` binding (Workers). */
  mailTransport: MailTransportName;
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (SMTP_URL). */
  smtpUrl?: string;
  /** DKIM signing of SMTP mail when the utility gives a key (DKIM_PRIVATE_KEY, DKIM_SELECTOR, DKIM_DOMAIN: default the sender's domain). */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  mailFrom: string;
  mailFromName: string;
  mailchannelsApiKey?: string;
  mailchannelsUrl: string;
  /** MailChannels' Ed25519 public key for its signed delivery webhooks (base64); absent → the webhook is off. */
  mailchannelsWebhookKey?: string;
  /** The queue Email Sending's event subscription publishes delivery events to (Workers). */
  mailEventsQueue: string;
  mailMaxAttempts: number;
  /** First retry delay of a failed mail; each further one doubles (capped at 6 h). */
  mailRetryBaseMs: number;
  mailTimeoutMs: number;
  /** Mails rendered and sent at once per process (Node) or per queue batch (Workers). */
  mailConcurrency: number;
  /** How long after a period's bills are imported the print house prints them: an address marked undeliverable later goes to paper from the next period. */
  printDeadlineMs: number;
  /** A bill mail that bounced softly (or was deferred) and is still not delivered this long after it was sent: that bill goes to paper. */
  billMailUndeliveredMs: number;
  /** Rows one import (consumers or bills) may hold (0: no limit); keeps a Worker invocation far from its CPU limit. */
  importMaxRows: number;
  /** How long a sent mail's subject and bodies are kept (then only who, what kind and when, for the 30-day audit). */
  mailBodyRetentionMs: number;
  /** How long the outbox keeps a sent mail's record at all. */
  mailAuditMs: number;
  /** How long a run of pending work holds its row before the periodic job may take it over. */
  workLeaseMs: number;
  confirmTtlMs: number;
  resetTtlMs: number;
  /** Absolute session lifetimes: use does not extend them. */
  sessionBrowserMs: number;
  sessionRememberMs: number;
  /** Idle limits (NIST SP 800-63B-4: AAL2 1 h idle; "Zapamti me" is held to AAL1's 30 days absolute, 7 days idle). */
  sessionBrowserIdleMs: number;
  sessionRememberIdleMs: number;
  limits: Limits;
  /** Argon2 work at once, and waiting beyond it, per process or isolate; more gets 503. */
  argon2: { maxConcurrent: number; maxQueued: number };
}

export class ConfigError extends Error {}

const MIN = 60_000;
const HOUR = 60 * MIN;

function int(env: Env, name: string, dflt: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min}`);
  return n;
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return dflt;
  return raw === '1' || raw === 'true' || raw === 'yes';
}

/** The values APP_ENV may take; unset (or empty) is the first. */
export const APP_ENVS = ['production', 'development'] as const;

/**
 * Unset is production: a server someone forgot to configure must not hand out the public dev
 * keys and a mailbox anyone can read. Any other value is refused rather than read as production:
 * whoever wrote `Production`, `prod` or `dev` meant something, and reading `dev` as production
 * would fail on a list of missing secrets that never names the typo, while reading `Production`
 * as production would leave a value that other tools (a deploy script, a shell guard comparing
 * with `production`) read otherwise. Refused, the message names the accepted values at once.
 */
function appEnv(env: Env): (typeof APP_ENVS)[number] {
  const raw = env.APP_ENV;
  if (raw === undefined || raw === '') return 'production';
  if ((APP_ENVS as readonly string[]).includes(raw)) return raw as (typeof APP_ENVS)[number];
  throw new ConfigError(
    `APP_ENV=${JSON.stringify(raw)} is neither production nor development (exactly so, in lower case): ` +
      'set APP_ENV=production (or leave it unset) for a real server, APP_ENV=development for a local one.',
  );
}

export const MAIL_TRANSPORTS = ['dev', 'mailchannels', 'smtp', 'cloudflare'] as const;
export type MailTransportName = (typeof MAIL_TRANSPORTS)[number];

function dkimOf(env: Env, from: string): Config['dkim'] {
  if (!env.DKIM_PRIVATE_KEY) return undefined;
  if (!env.DKIM_SELECTOR) throw new ConfigError('DKIM_SELECTOR is required with DKIM_PRIVATE_KEY');
  // Keys come from secrets stores as one line: "\n" stands for a line break.
  const privateKey = env.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n');
  if (!privateKey.includes('PRIVATE KEY-----')) throw new ConfigError('DKIM_PRIVATE_KEY must be a PEM private key');
  return { domainName: env.DKIM_DOMAIN || from.split('@')[1], keySelector: env.DKIM_SELECTOR, privateKey };
}

export function loadConfig(env: Env, utility: UtilityConfig): Config {
  const production = appEnv(env) === 'production';
  // The development defaults name the port the Node server listens on, so `PORT=8792 npm start` is consistent.
  const port = Number(env.PORT || 8787);
  const portalUrl = new URL(env.PORTAL_URL || `http://localhost:${port}/`).toString();
  const origins = (env.ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`)
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  const pinKey = env.PIN_KEY || DEV_PIN_KEY;
  const mailTransport = (env.MAIL_TRANSPORT || (production ? 'mailchannels' : 'dev')) as MailTransportName;
  if (!MAIL_TRANSPORTS.includes(mailTransport))
    throw new ConfigError(`MAIL_TRANSPORT must be one of ${MAIL_TRANSPORTS.join(', ')}`);
  if (mailTransport === 'smtp' && !/^smtps?:\/\/[^/]/.test(env.SMTP_URL ?? ''))
    throw new ConfigError(
      'MAIL_TRANSPORT=smtp needs SMTP_URL (smtp://user:pass@host:587 or smtps://user:pass@host:465)',
    );
  const mailFrom = env.MAIL_FROM || utility.mail.from;

  const config: Config = {
    production,
    utility,
    portalUrl,
    allowedOrigins: origins,
    rpId: env.RP_ID || new URL(portalUrl).hostname,
    pinKey,
    signingKey: env.SIGNING_KEY || DEV_SIGNING_KEY,
    apiUrl: new URL(env.API_URL || new URL(portalUrl).origin).origin,
    adminToken: env.ADMIN_TOKEN || undefined,
    adminTokenNext: env.ADMIN_TOKEN_NEXT || undefined,
    cookieSecure: portalUrl.startsWith('https:') || production,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    mailTransport,
    smtpUrl: env.SMTP_URL || undefined,
    dkim: dkimOf(env, mailFrom),
    mailFrom,
    mailFromName: env.MAIL_FROM_NAME || utility.mail.fromName || utility.name,
    mailchannelsApiKey: env.MAILCHANNELS_API_KEY || undefined,
    mailchannelsUrl: env.MAILCHANNELS_URL || 'https://api.mailchannels.net/tx/v1/send',
    mailchannelsWebhookKey: env.MAILCHANNELS_WEBHOOK_KEY || undefined,
    mailEventsQueue: env.MAIL_EVENTS_QUEUE || 'jp-portal-mail-events',
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1),
    mailRetryBaseMs: int(env, 'MAIL_RETRY_BASE_S', 30, 1) * 1000,
    mailTimeoutMs: int(env, 'MAIL_TIMEOUT_MS', 10_000, 100),
    mailConcurrency: int(env, 'MAIL_CONCURRENCY', 16, 1),
    importMaxRows: int(env, 'IMPORT_MAX_ROWS', 50_000, 0),
    printDeadlineMs: int(env, 'PRINT_DEADLINE_DAYS', 3, 0) * 24 * HOUR,
    billMailUndeliveredMs: int(env, 'BILL_MAIL_UNDELIVERED_DAYS', 3, 1) * 24 * HOUR,
    mailBodyRetentionMs: int(env, 'MAIL_BODY_RETENTION_H', 24, 0) * HOUR,
    mailAuditMs: 30 * 24 * HOUR,
    workLeaseMs: int(env, 'WORK_LEASE_S', 30, 1) * 1000,
    confirmTtlMs: CONFIRM_LINK_HOURS * HOUR,
    resetTtlMs: RESET_LINK_HOURS * HOUR,
    sessionBrowserMs: 12 * HOUR,
    sessionRememberMs: 30 * 24 * HOUR,
    sessionBrowserIdleMs: HOUR,
    sessionRememberIdleMs: 7 * 24 * HOUR,
    limits: {
      pinMaxFailures: int(env, 'PIN_MAX_FAILURES', 5, 1),
      pinIpMaxFailures: int(env, 'PIN_IP_MAX_FAILURES', 20, 1),
      pinWindowMs: int(env, 'PIN_WINDOW_MIN', 15, 1) * MIN,
      pinDailyMaxFailures: int(env, 'PIN_DAILY_MAX_FAILURES', 10, 1),
      pinTotalMaxFailures: int(env, 'PIN_TOTAL_MAX_FAILURES', 20, 1),
      loginFreeFailures: int(env, 'LOGIN_FREE_FAILURES', 5, 1),
      loginIpMaxFailures: int(env, 'LOGIN_IP_MAX_FAILURES', 50, 1),
      loginCodeDailyMaxFailures: int(env, 'LOGIN_CODE_DAILY_MAX_FAILURES', 20, 1),
      loginMaxConsecutiveFailures: int(env, 'LOGIN_MAX_CONSECUTIVE_FAILURES', 100, 1),
      pinLockMs: int(env, 'PIN_LOCK_DAYS', 30, 1) * 24 * HOUR,
      loginWindowMs: 15 * MIN,
      loginAccountWindowMs: 24 * HOUR,
      loginFirstDelayMs: int(env, 'LOGIN_FIRST_DELAY_S', 1, 1) * 1000,
      loginMaxDelayMs: int(env, 'LOGIN_MAX_DELAY_S', 900, 1) * 1000,
      deviceMaxFailures: int(env, 'DEVICE_MAX_FAILURES', 10, 1),
      reverifyMaxFailures: int(env, 'REVERIFY_MAX_FAILURES', 5, 1),
      passwordWorkPerAddress: int(env, 'PASSWORD_WORK_PER_ADDRESS', 300, 1),
      mailRequestsPerHour: int(env, 'MAIL_REQUESTS_PER_HOUR', 5, 1),
      mailRequestsIpPerHour: int(env, 'MAIL_REQUESTS_IP_PER_HOUR', 20, 1),
      mailRequesterGapMs: int(env, 'MAIL_REQUESTER_GAP_S', 120, 1) * 1000,
      registrationsIpPerHour: int(env, 'REGISTRATIONS_IP_PER_HOUR', 20, 1),
      registerNoticeGapMs: 24 * HOUR,
      accountActionsPerDay: int(env, 'ACCOUNT_ACTIONS_PER_DAY', 20, 1),
      accountActionsIpPerHour: int(env, 'ACCOUNT_ACTIONS_IP_PER_HOUR', 100, 1),
      adminIpMaxFailures: int(env, 'ADMIN_IP_MAX_FAILURES', 10, 1),
      passkeyOptionsIpPerHour: int(env, 'PASSKEY_OPTIONS_IP_PER_HOUR', 200, 1),
    },
    argon2: {
      maxConcurrent: int(env, 'ARGON2_MAX_CONCURRENT', 2, 1),
      maxQueued: int(env, 'ARGON2_MAX_QUEUED', 8, 0),
    },
  };
  if (config.mailchannelsWebhookKey) {
    try {
      webhookKeyBytes(config.mailchannelsWebhookKey);
    } catch (e) {
      throw new ConfigError((e as Error).message);
    }
  }
  if (production) checkProduction(config);
  else checkDevelopment(config);
  return config;
}

/** A host may still be named in a URL that does not parse: such a URL is refused by name. */
function hostOf(name: string, url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    throw new ConfigError(`${name} must be a URL`);
  }
}

/**
 * Development with a configuration meant for production: the dev keys and the readable dev
 * mailbox beside residents' real addresses. A development server may send through MailChannels
 * only to a stand-in on loopback (the tests do).
 */
function checkDevelopment(c: Config): void {
  const problems: string[] = [];
  if (c.portalUrl.startsWith('https:')) problems.push(`PORTAL_URL is https (${c.portalUrl})`);
  if (c.apiUrl.startsWith('https:')) problems.push(`API_URL is https (${c.apiUrl})`);
  if (c.mailTransport === 'mailchannels') {
    const host = hostOf('MAILCHANNELS_URL', c.mailchannelsUrl);
    if (!isLoopbackHost(host))
      problems.push(`MAIL_TRANSPORT=mailchannels sends to ${host}, not a stand-in on loopback`);
  }
  if (c.mailTransport === 'smtp') {
    const host = hostOf('SMTP_URL', c.smtpUrl ?? '');
    if (!isLoopbackHost(host)) problems.push(`MAIL_TRANSPORT=smtp sends to ${host}, not a server on loopback`);
  }
  if (problems.length)
    throw new ConfigError(
      `Refusing to start in development (APP_ENV=development): the configuration looks like production — ${problems.join('; ')}. ` +
        'Development uses public keys and a mailbox anyone on the machine can read: set APP_ENV=production with its secrets, ' +
        'or use an http://localhost PORTAL_URL and mail to the dev outbox (or a MailChannels stand-in on loopback).',
    );
}

function checkProduction(c: Config): void {
  const problems: string[] = [];
  if (c.pinKey === DEV_PIN_KEY || c.pinKey.length < 32)
    problems.push('PIN_KEY must be set to a secret of at least 32 characters');
  if (c.signingKey === DEV_SIGNING_KEY || c.signingKey.length < 32)
    problems.push('SIGNING_KEY must be set to a secret of at least 32 characters');
  if (!c.apiUrl.startsWith('https:')) problems.push('API_URL must be https');
  if (!c.portalUrl.startsWith('https:')) problems.push('PORTAL_URL must be https');
  if (c.mailTransport === 'dev') problems.push(`MAIL_TRANSPORT must be one of ${MAIL_TRANSPORTS.slice(1).join(', ')}`);
  if (c.mailTransport === 'mailchannels' && !c.mailchannelsApiKey)
    problems.push('MAILCHANNELS_API_KEY is required with MAIL_TRANSPORT=mailchannels');
  if (c.adminToken !== undefined && c.adminToken.length < 32)
    problems.push('ADMIN_TOKEN must be at least 32 characters');
  if (c.adminTokenNext !== undefined && c.adminTokenNext.length < 32)
    problems.push('ADMIN_TOKEN_NEXT must be at least 32 characters');
  if (c.adminTokenNext !== undefined && c.adminToken === undefined)
    problems.push('ADMIN_TOKEN_NEXT is set without ADMIN_TOKEN');
  if (c.allowedOrigins.some((o) => !o.startsWith('https:'))) problems.push('ALLOWED_ORIGINS must all be https');
  // A browser refuses a passkey ceremony whose RP ID is not the page's host or a parent domain of it.
  const outside = c.allowedOrigins.filter((o) => {
    const host = new URL(o).hostname;
    return host !== c.rpId && !host.endsWith(`.${c.rpId}`);
  });
  if (outside.length) problems.push(`RP_ID (${c.rpId}) must be the host or a parent domain of ${outside.join(', ')}`);
  if (problems.length) throw new ConfigError(`Refusing to start in production: ${problems.join('; ')}`);
}
