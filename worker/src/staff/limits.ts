// The office's throttles (docs/office.md), counted first like every other rule (auth/throttle.ts).
// The numbers are the office's own: a counter has a handful of staff, so they are generous for a
// person and small for a script.
import type { Rule } from '../auth/throttle.ts';
import { addressKey } from '../http/address-key.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Passkey challenges for staff (login and invitation): each call writes a row, so counted per address, success or not. */
export const STAFF_CHALLENGES_PER_HOUR = 60;
/** PIN unlocks per staff member per day: a counter's day, not a script emptying every lock. */
export const STAFF_UNLOCKS_PER_DAY = 100;
/**
 * Look-ups of residents' data (searches and cards) per staff member per day: a counter's busiest
 * day is a few hundred, so a clerk's session cannot be used to copy out the register.
 */
export const STAFF_LOOKUPS_PER_DAY = 2000;
/** Invitations an administrator sends per day. */
export const STAFF_INVITATIONS_PER_DAY = 20;

export const staffRules = {
  challenge: (ip: string): Rule => ({
    key: `staff:challenge:ip:${addressKey(ip)}`,
    limit: STAFF_CHALLENGES_PER_HOUR,
    windowMs: HOUR,
  }),
  lookup: (staffId: string): Rule => ({ key: `staff:lookup:${staffId}`, limit: STAFF_LOOKUPS_PER_DAY, windowMs: DAY }),
  unlock: (staffId: string): Rule => ({ key: `staff:unlock:${staffId}`, limit: STAFF_UNLOCKS_PER_DAY, windowMs: DAY }),
  invite: (staffId: string): Rule => ({
    key: `staff:invite:${staffId}`,
    limit: STAFF_INVITATIONS_PER_DAY,
    windowMs: DAY,
  }),
};
