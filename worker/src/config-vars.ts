// Every environment variable the portal reads, with its default and one line of meaning: the one
// list docs/configuration.md's tables are written from (`npm run docs:config`).
// Invariant: test/worker/docs/config-vars.test.ts fails when a variable read in worker/src/config.ts,
// worker/node/ or the Workers entry is missing here, or when a default here differs from the code's
// (the literal beside the name, and for loadConfig the effect of setting the default by hand).

export type EnvGroup = 'runtime' | 'links' | 'mail' | 'limits';

export interface EnvVar {
  readonly name: string;
  readonly group: EnvGroup;
  /** The value in effect when the variable is unset, as the code writes it (checked against the code). */
  readonly default?: string | number | boolean;
  /** When the default is computed, or differs between production and development: what it is, in words. */
  readonly defaultText?: string;
  /** Read by one runtime only (else by the shared app, on both). */
  readonly only?: 'Node' | 'Workers';
  readonly description: string;
}

export const ENV_GROUPS: Record<EnvGroup, string> = {
  runtime: 'Runtime, database and files',
  links: 'Origins, links and keys',
  mail: 'Mail, imports and background work',
  limits: 'Throttling and capacity',
};

export const ENV_VARS: readonly EnvVar[] = [
  // runtime
  {
    name: 'APP_ENV',
    group: 'runtime',
    defaultText: '`production` (`npm start` sets `development`)',
    description:
      'exactly `production` or `development`, any other value refuses to start; development (dev keys, dev mailbox, `GET /api/dev/outbox`, demo consumers) only by name, and refused beside an `https:` portal or API or MailChannels off loopback ([security](security.md))',
  },
  {
    name: 'UTILITY_CONFIG',
    group: 'runtime',
    default: 'config/utility.json',
    description:
      "the utility's configuration file, for `npm start`, `npm run build` and `npm run build:worker` ([another utility](embedding.md#another-utility-configuration-not-code))",
  },
  {
    name: 'PORT',
    group: 'runtime',
    default: 8787,
    description:
      'the port the Node server listens on; the development defaults of `PORTAL_URL` and `ALLOWED_ORIGINS` name it',
  },
  {
    name: 'HOST',
    group: 'runtime',
    default: 'localhost',
    only: 'Node',
    description: 'the address the Node server listens on; in development only a loopback name is accepted',
  },
  {
    name: 'DATABASE_URL',
    group: 'runtime',
    default: 'file:data/portal.db',
    description:
      "libSQL URL (`file:`, `libsql:`, `https:`); on Workers `LIBSQL_URL` is read first. On Node with another `UTILITY_CONFIG` than config/utility.json the default is `file:data/utilities/<domain>/portal.db` (its website's domain), so two utilities never share a database",
  },
  {
    name: 'LIBSQL_URL',
    group: 'runtime',
    only: 'Workers',
    description: "the database's libSQL URL (a secret); without it `DATABASE_URL`, else the Worker refuses to start",
  },
  {
    name: 'LIBSQL_AUTH_TOKEN',
    group: 'runtime',
    description: 'token for a remote libSQL/Turso database',
  },
  {
    name: 'FILES_DIR',
    group: 'runtime',
    default: 'data/files',
    only: 'Node',
    description:
      "where the billing system's bill PDFs are kept (Workers: the R2 bucket); with another `UTILITY_CONFIG`, `data/utilities/<domain>/files`",
  },
  {
    name: 'SEED_DEMO',
    group: 'runtime',
    defaultText: '`true` in development, `false` in production',
    only: 'Node',
    description: 'load the demo consumers and bills into an empty database at start; `true` is refused in production',
  },
  {
    name: 'TRUST_PROXY',
    group: 'runtime',
    default: false,
    description:
      'take the client address from `X-Forwarded-For` (only behind your own proxy, which then keeps the per-client connection cap)',
  },
  {
    name: 'HTTP_HEADERS_TIMEOUT_MS',
    group: 'runtime',
    default: 10_000,
    only: 'Node',
    description: 'a client that has not sent its headers in time gets 408 and is cut',
  },
  {
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    group: 'runtime',
    default: 30_000,
    only: 'Node',
    description: 'the same for the whole request; raise it for a billing system on a link slower than ≈ 2.2 Mbit/s',
  },
  {
    name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    group: 'runtime',
    default: 5_000,
    only: 'Node',
    description: "idle keep-alive connections close after it (behind a proxy: above the proxy's idle timeout)",
  },
  {
    name: 'HTTP_MAX_CONNECTIONS',
    group: 'runtime',
    default: 1000,
    only: 'Node',
    description: 'open connections in all; beyond, a new one is closed at once',
  },
  {
    name: 'HTTP_MAX_CONNECTIONS_PER_CLIENT',
    group: 'runtime',
    defaultText: '`32`; none with `TRUST_PROXY`',
    only: 'Node',
    description:
      'open connections per client address (IPv4 address, IPv6 /64); `0`: none. Behind a proxy the proxy must limit them (nginx `limit_conn`)',
  },
  {
    name: 'JOBS_INTERVAL_S',
    group: 'runtime',
    default: 30,
    only: 'Node',
    description: 'how often due mails are handed over and expired data cleaned up (Workers: the cron trigger)',
  },
  {
    name: 'RENDER_THREADS',
    group: 'runtime',
    defaultText: 'the number of cores',
    only: 'Node',
    description: 'worker threads that draw bill mails (PDF, QR code); `0` draws them on the main thread',
  },
  // links and keys
  {
    name: 'PORTAL_URL',
    group: 'links',
    defaultText: '`http://localhost:<PORT>/`',
    description: 'the page that hosts `<jp-portal>`; links in mails are built from it, never from the Host header',
  },
  {
    name: 'API_URL',
    group: 'links',
    defaultText: 'origin of `PORTAL_URL`',
    description: 'public origin of this API, for links that go straight to it (one-click unsubscribe)',
  },
  {
    name: 'ALLOWED_ORIGINS',
    group: 'links',
    defaultText: '`http://localhost:<PORT>,http://127.0.0.1:<PORT>`',
    description:
      'comma-separated CORS allowlist; also the Origin check of state-changing requests and the origins of passkey ceremonies',
  },
  {
    name: 'RP_ID',
    group: 'links',
    defaultText: 'host of `PORTAL_URL`',
    description:
      "the WebAuthn relying party ID: the page's host or a parent domain (production: `stambenoruma.rs`); changing it orphans the passkeys",
  },
  {
    name: 'PIN_KEY',
    group: 'links',
    defaultText: 'fixed dev key',
    description:
      'secret of the HMAC-SHA-256 digests of PINs (≥ 32 characters in production; changing it needs a fresh import)',
  },
  {
    name: 'SIGNING_KEY',
    group: 'links',
    defaultText: 'fixed dev key',
    description: 'HS256 key of signed links (unsubscribe) and the device cookie (≥ 32 characters in production)',
  },
  {
    name: 'ADMIN_TOKEN',
    group: 'links',
    defaultText: '— (endpoints off)',
    description: "the billing system's bearer token for `/api/admin/*` (≥ 32 characters)",
  },
  {
    name: 'ADMIN_TOKEN_NEXT',
    group: 'links',
    defaultText: '—',
    description:
      "the billing system's next token while it switches: valid beside `ADMIN_TOKEN` (≥ 32 characters; the rotation: [operations](operations.md#rotating-the-admin-token))",
  },
  // mail, imports, background work
  {
    name: 'MAIL_TRANSPORT',
    group: 'mail',
    defaultText: '`mailchannels` in production, `dev` in development',
    description:
      "`dev` (kept in the outbox only), `mailchannels`, `smtp` (the utility's relay, Node only) or `cloudflare` (the `send_email` binding `EMAIL`, Workers only); see [deployment](deployment.md)",
  },
  {
    name: 'MAIL_EVENTS_QUEUE',
    group: 'mail',
    default: 'jp-portal-mail-events',
    description:
      "the queue Email Sending's event subscription publishes delivery events to (bounces and complaints move consumers to paper)",
  },
  {
    name: 'SMTP_URL',
    group: 'mail',
    description:
      'with `MAIL_TRANSPORT=smtp`: `smtp://user:pass@host:587` (STARTTLS whenever offered) or `smtps://user:pass@host:465`; in development only to loopback',
  },
  {
    name: 'DKIM_PRIVATE_KEY',
    group: 'mail',
    description: 'a PEM private key (line breaks may be written `\\n`): SMTP mail is DKIM-signed with it',
  },
  {
    name: 'DKIM_SELECTOR',
    group: 'mail',
    description:
      'the DKIM selector of that key (its DNS record is `SELECTOR._domainkey.DOMAIN`); required with the key',
  },
  {
    name: 'DKIM_DOMAIN',
    group: 'mail',
    defaultText: "the sender's domain (`MAIL_FROM`)",
    description: 'the signing domain `d=`',
  },
  {
    name: 'MAILCHANNELS_API_KEY',
    group: 'mail',
    description: 'the MailChannels Email API key (required in production)',
  },
  {
    name: 'MAILCHANNELS_URL',
    group: 'mail',
    default: 'https://api.mailchannels.net/tx/v1/send',
    description: 'the MailChannels Email API',
  },
  {
    name: 'MAILCHANNELS_WEBHOOK_KEY',
    group: 'mail',
    defaultText: '— (webhook off)',
    description:
      "MailChannels' Ed25519 public key (base64, from `/tx/v1/webhook/public-key`) that its delivery webhooks to `/api/mail/mailchannels` are verified with",
  },
  {
    name: 'MAIL_FROM',
    group: 'mail',
    defaultText: "`mail.from` of the utility's configuration",
    description: "the sender's address",
  },
  {
    name: 'MAIL_FROM_NAME',
    group: 'mail',
    defaultText: "`mail.fromName` (else `name`) of the utility's configuration",
    description: "the sender's name",
  },
  {
    name: 'MAIL_MAX_ATTEMPTS',
    group: 'mail',
    default: 8,
    description: 'sends of one mail before it is `failed`',
  },
  {
    name: 'MAIL_TIMEOUT_MS',
    group: 'mail',
    default: 10_000,
    description: 'time limit of one request to the mail API',
  },
  {
    name: 'MAIL_RETRY_BASE_S',
    group: 'mail',
    default: 30,
    description: 'first retry delay of a failed mail; each further retry doubles it (at most 6 h)',
  },
  {
    name: 'MAIL_CONCURRENCY',
    group: 'mail',
    default: 16,
    description: 'mails rendered and sent at once: per process on Node, per queue batch on Workers',
  },
  {
    name: 'MAIL_BODY_RETENTION_H',
    group: 'mail',
    default: 24,
    description:
      "how long a sent mail's bodies are kept; then only who, what kind, subject and when, for 30 days (bill mails never store theirs)",
  },
  {
    name: 'PRINT_DEADLINE_DAYS',
    group: 'mail',
    default: 3,
    description:
      "days after a period's bills are imported by which the print house prints: an address marked undeliverable later goes to paper from the next period",
  },
  {
    name: 'BILL_MAIL_UNDELIVERED_DAYS',
    group: 'mail',
    default: 3,
    description:
      'days after which a bill mail that bounced softly (or was deferred) and is still not delivered sends that bill to paper',
  },
  {
    name: 'IMPORT_MAX_ROWS',
    group: 'mail',
    default: 50_000,
    description:
      'rows one import file may hold (`0`: no limit; `wrangler.toml` sets 5,000); a bigger file gets 422 `import_failed` and nothing is written',
  },
  {
    name: 'WORK_LEASE_S',
    group: 'mail',
    default: 30,
    description:
      'how long a run of work promised before an answer holds its row before the periodic job takes it over after a crash',
  },
  // throttling and capacity
  {
    name: 'PIN_MAX_FAILURES',
    group: 'limits',
    default: 5,
    description: 'wrong code/PIN attempts per consumer code per window',
  },
  {
    name: 'PIN_IP_MAX_FAILURES',
    group: 'limits',
    default: 20,
    description: 'wrong code/PIN attempts per address per window',
  },
  {
    name: 'PIN_WINDOW_MIN',
    group: 'limits',
    default: 15,
    description: 'the window of the two above, in minutes',
  },
  {
    name: 'PIN_DAILY_MAX_FAILURES',
    group: 'limits',
    default: 10,
    description: 'wrong PINs per consumer code per day',
  },
  {
    name: 'PIN_TOTAL_MAX_FAILURES',
    group: 'limits',
    default: 20,
    description: 'wrong PINs per consumer code in total, then the code is locked (423 `consumer_locked`)',
  },
  {
    name: 'PIN_LOCK_DAYS',
    group: 'limits',
    default: 30,
    description: 'how long a locked consumer code stays locked, unless the utility unlocks it sooner',
  },
  {
    name: 'LOGIN_FREE_FAILURES',
    group: 'limits',
    default: 5,
    description: "an account's failed logins before growing delays (remembered 24 h, or until a login or reset)",
  },
  {
    name: 'LOGIN_FIRST_DELAY_S',
    group: 'limits',
    default: 1,
    description: 'the first delay after the free failures; each further failure doubles it',
  },
  {
    name: 'LOGIN_MAX_DELAY_S',
    group: 'limits',
    default: 900,
    description: 'the longest delay',
  },
  {
    name: 'LOGIN_IP_MAX_FAILURES',
    group: 'limits',
    default: 50,
    description: 'failed logins per address per 15 min',
  },
  {
    name: 'LOGIN_MAX_CONSECUTIVE_FAILURES',
    group: 'limits',
    default: 100,
    description:
      'wrong passwords in a row, then passwords are refused until a login by code or passkey, or a reset (423 `password_locked`)',
  },
  {
    name: 'LOGIN_CODE_DAILY_MAX_FAILURES',
    group: 'limits',
    default: 20,
    description: 'wrong login codes per e-mail address and requester per day, across all its codes',
  },
  {
    name: 'DEVICE_MAX_FAILURES',
    group: 'limits',
    default: 10,
    description: 'failures per 15 min of a browser that logged in to the account before (its own counter)',
  },
  {
    name: 'REVERIFY_MAX_FAILURES',
    group: 'limits',
    default: 5,
    description: 'wrong passwords re-entered in one session per 15 min (e-mail change, password change, delete)',
  },
  {
    name: 'PASSWORD_WORK_PER_ADDRESS',
    group: 'limits',
    default: 300,
    description: 'password hashing requests (login, registration, reset, re-entry) per address per 15 min',
  },
  {
    name: 'MAIL_REQUESTS_PER_HOUR',
    group: 'limits',
    default: 5,
    description:
      'forgot-password, login-code and resend mails per e-mail address per hour (a browser that logged in to it before is exempt)',
  },
  {
    name: 'MAIL_REQUESTS_IP_PER_HOUR',
    group: 'limits',
    default: 20,
    description: 'such mail requests per address per hour',
  },
  {
    name: 'MAIL_REQUESTER_GAP_S',
    group: 'limits',
    default: 120,
    description: 'the gap after which the same requester may ask for the same mail again',
  },
  {
    name: 'REGISTRATIONS_IP_PER_HOUR',
    group: 'limits',
    default: 20,
    description: 'registrations per address per hour',
  },
  {
    name: 'ACCOUNT_ACTIONS_PER_DAY',
    group: 'limits',
    default: 20,
    description:
      'each of e-mail change, password change, delete, linking a code, export and adding a passkey, per account per day',
  },
  {
    name: 'ACCOUNT_ACTIONS_IP_PER_HOUR',
    group: 'limits',
    default: 100,
    description: 'all of those per address per hour',
  },
  {
    name: 'ADMIN_IP_MAX_FAILURES',
    group: 'limits',
    default: 10,
    description: 'wrong admin tokens per address per hour',
  },
  {
    name: 'PASSKEY_OPTIONS_IP_PER_HOUR',
    group: 'limits',
    default: 200,
    description: 'passkey login challenges per address per hour (each one a row for up to 5 minutes)',
  },
  {
    name: 'ARGON2_MAX_CONCURRENT',
    group: 'limits',
    default: 2,
    description: 'Argon2 hashes at once, per process (Node) or isolate (Workers)',
  },
  {
    name: 'ARGON2_MAX_QUEUED',
    group: 'limits',
    default: 8,
    description: 'Argon2 hashes waiting beyond those; more get 503 `service_unavailable` with `Retry-After: 1`',
  },
];
