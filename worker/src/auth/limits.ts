// The throttling policy: every rule the API enforces, with its key, limit and window. All the
// numbers come from the configuration (config.ts, Limits); routes name a rule here, never a number.
// Addresses are counted per IPv4 address and per IPv6 /64 (address-key.ts).
import type { Limits } from '../config.ts';
import type { Rule } from './throttle.ts';
import { addressKey } from '../http/address-key.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** "Until the utility resets it": a window no deployment outlives. */
export const FOREVER = 100 * 365 * DAY;
/** Keys under this prefix outlive the periodic cleanup (the total PIN cap). */
export const PERMANENT_PREFIX = 'lock:';
/** The password ceiling's keys (the cleanup forgets those of addresses without an account after a month). */
export const LOGIN_CEILING_PREFIX = `${PERMANENT_PREFIX}login:`;

export type AccountAction = 'email' | 'password' | 'delete' | 'link' | 'export' | 'passkey';

export function limitsPolicy(l: Limits) {
  /** Wrong passwords in a row, forgotten only by a successful login or a reset (NIST SP 800-63B-4: at most 100). */
  const loginCeiling = (email: string): Rule => ({
    key: `${LOGIN_CEILING_PREFIX}${email}`,
    limit: l.loginMaxConsecutiveFailures,
    windowMs: FOREVER,
    locks: 'password_locked',
  });
  return {
    /**
     * Wrong PINs: per code (window, day, and a total that locks the code for PIN_LOCK_DAYS, then
     * one more try per that time, until a right PIN or the utility unlocks it) and per address.
     * A right PIN gives the slots back. The lock is bounded in time so a stranger cannot take a
     * street's codes away for good; one try a month after it keeps guessing hopeless.
     */
    pin(code: string, ip: string): Rule[] {
      return [
        {
          key: `${PERMANENT_PREFIX}pin:${code}`,
          limit: l.pinTotalMaxFailures,
          windowMs: FOREVER,
          growing: { baseMs: l.pinLockMs, maxMs: l.pinLockMs },
          locks: 'consumer_locked',
        },
        { key: `pin:day:${code}`, limit: l.pinDailyMaxFailures, windowMs: DAY },
        { key: `pin:code:${code}`, limit: l.pinMaxFailures, windowMs: l.pinWindowMs },
        { key: `pin:ip:${addressKey(ip)}`, limit: l.pinIpMaxFailures, windowMs: l.pinWindowMs },
      ];
    },
    /** The per-code keys a right PIN (or the utility) clears. */
    pinCodeKeys(code: string): string[] {
      return [`${PERMANENT_PREFIX}pin:${code}`, `pin:day:${code}`, `pin:code:${code}`];
    },

    /**
     * Wrong passwords at login. From an unknown browser: per e-mail (growing delays) and per
     * address. From a browser that logged in to this account before (device cookie): on that
     * browser's own counter, so failures from elsewhere do not lock the owner out.
     */
    login(email: string, ip: string, device?: string): Rule[] {
      if (device)
        return [
          { key: `login:device:${device}`, limit: l.deviceMaxFailures, windowMs: l.loginWindowMs },
          loginCeiling(email),
        ];
      return [
        {
          key: loginAccountKey(email),
          limit: l.loginFreeFailures,
          windowMs: l.loginAccountWindowMs,
          growing: { baseMs: l.loginFirstDelayMs, maxMs: l.loginMaxDelayMs },
        },
        loginCeiling(email),
        { key: `login:ip:${addressKey(ip)}`, limit: l.loginIpMaxFailures, windowMs: l.loginWindowMs },
      ];
    },
    /** The account's failure keys a successful login (password, code or passkey) or a reset forgets. */
    loginAccountKeys: (email: string) => [loginAccountKey(email), loginCeiling(email).key],

    /**
     * Wrong login codes per address (the same budget as wrong passwords) and per e-mail address
     * per day, whatever the code: a new code resets its own 5 tries, so without the daily cap a
     * stranger could guess 25 times an hour at one account for ever (NIST 800-63B-4 caps failures
     * per account). A success gives both slots back; a full cap stops only codes — the password
     * and passkeys still work.
     */
    loginCode(email: string, ip: string, device?: string): Rule[] {
      const addr = addressKey(ip);
      const own: Rule[] = device
        ? [{ key: `code:device:${device}`, limit: l.loginCodeDailyMaxFailures, windowMs: DAY }]
        : [
            // Per requester, so one stranger cannot use up anyone else's; and all strangers together.
            { key: `code:fail:${addr}:${email}`, limit: l.loginCodeDailyMaxFailures, windowMs: DAY },
            { key: `code:fail:${email}`, limit: 5 * l.loginCodeDailyMaxFailures, windowMs: DAY },
          ];
      return [{ key: `login:ip:${addr}`, limit: l.loginIpMaxFailures, windowMs: l.loginWindowMs }, ...own];
    },

    /** Wrong passwords re-entered inside a session, per session and per address. */
    reverify(sessionHash: string, ip: string): Rule[] {
      return [
        { key: `reverify:${sessionHash.slice(0, 32)}`, limit: l.reverifyMaxFailures, windowMs: l.loginWindowMs },
        { key: `login:ip:${addressKey(ip)}`, limit: l.loginIpMaxFailures, windowMs: l.loginWindowMs },
      ];
    },

    /** Argon2 work per address, successful or not: a client with a right password cannot flood either. */
    passwordWork(ip: string): Rule {
      return { key: `hash:ip:${addressKey(ip)}`, limit: l.passwordWorkPerAddress, windowMs: l.loginWindowMs };
    },

    /** Reset, confirmation and login-code mails: per address asking (429), per requester and address ("already sent"), per address (silent). */
    mailRequest(kind: 'forgot' | 'resend' | 'code', address: string, ip: string) {
      const addr = addressKey(ip);
      const email = mailbox(address);
      return {
        ip: { key: `${kind}:ip:${addr}`, limit: l.mailRequestsIpPerHour, windowMs: HOUR } as Rule,
        requester: { key: `${kind}:asked:${addr}:${email}`, limit: 1, windowMs: l.mailRequesterGapMs } as Rule,
        address: { key: `${kind}:email:${email}`, limit: l.mailRequestsPerHour, windowMs: HOUR } as Rule,
      };
    },

    registration(ip: string): Rule {
      return { key: `register:ip:${addressKey(ip)}`, limit: l.registrationsIpPerHour, windowMs: HOUR };
    },
    /** The notice to an address that already has an account, at most once per gap. */
    registerNotice(email: string): Rule {
      return { key: `notice:register:${mailbox(email)}`, limit: 1, windowMs: l.registerNoticeGapMs };
    },

    /** Account actions that mail, hash or export: per account per day and per address per hour. */
    account(action: AccountAction, accountId: string, ip: string): Rule[] {
      return [
        { key: `account:${action}:${accountId}`, limit: l.accountActionsPerDay, windowMs: DAY },
        { key: `account:ip:${addressKey(ip)}`, limit: l.accountActionsIpPerHour, windowMs: HOUR },
      ];
    },

    /** Passkey login challenges per address: every call writes a row, so it is counted first, success or not. */
    passkeyOptions(ip: string): Rule {
      return { key: `passkey:ip:${addressKey(ip)}`, limit: l.passkeyOptionsIpPerHour, windowMs: HOUR };
    },

    /** Wrong admin tokens per address; a right one gives the slot back. */
    admin(ip: string): Rule {
      return { key: `admin:ip:${addressKey(ip)}`, limit: l.adminIpMaxFailures, windowMs: HOUR };
    },

    /** The longest window of the rules the cleanup may forget. */
    longestWindowMs(): number {
      return Math.max(DAY, l.pinWindowMs, l.loginWindowMs, l.loginAccountWindowMs, l.registerNoticeGapMs);
    },
  };
}

/**
 * The mailbox an address reaches, for the caps on mail to it: most providers deliver
 * `ana+1@example.rs` and `ana+2@example.rs` to ana@example.rs, so a cap per address string alone
 * would let one mailbox be flooded through its sub-addresses.
 */
export const mailbox = (email: string) => email.replace(/\+[^@]*(?=@[^@]*$)/, '');

function loginAccountKey(email: string): string {
  return `login:email:${email}`;
}

export type LimitsPolicy = ReturnType<typeof limitsPolicy>;
