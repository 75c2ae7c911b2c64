// The password's length rules, one number each for the server's schemas, the widget's checks and
// every text that states them. Invariant: these are the only place the numbers are written; a
// length counts the code points of the NFC form (what the server hashes; contract/schemas.ts).
// Not configuration: the policy (long, no composition rules, no common or personal words) is the
// portal's, and the widget must state the same minimum the server applies.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
