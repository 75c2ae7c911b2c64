// Server-side password rules beyond length (the shared schema checks length and the Serbian list):
// no composition rules, but no common/breached passwords and nothing personal. The common check is
// the shared Serbian one (contract/common-passwords.ts) plus zxcvbn's English list, too big for the widget.
import { dictionary } from '@zxcvbn-ts/language-common';
import { commonPasswordCheck } from '../../../contract/common-passwords.ts';
import type { FieldCode } from '../../../contract/errors.ts';

let common: Set<string> | undefined;
let serbian: ((password: string) => boolean) | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  return common;
}

function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Common: Serbian (shared with the widget; the utility's words come through the schema options) or English. */
export function isCommonPassword(password: string): boolean {
  serbian ??= commonPasswordCheck();
  if (serbian(password)) return true;
  const p = normalize(password);
  const set = commonPasswords();
  if (set.has(p)) return true;
  // "password1234!", "dragon2024": a common password with digits/symbols around it.
  const core = p.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length >= 4 && core !== p && set.has(core)) return true;
  // One character or a short run repeated ("aaaaaaaaaaaa", "abcabcabcabc").
  return /^(.{1,3})\1+$/u.test(p);
}

export interface PersonalData {
  name?: string;
  email?: string;
  consumerCode?: string;
}

/** True when the password contains the name (any part of ≥ 3 letters), the e-mail's local part or the consumer code. */
export function containsPersonalData(password: string, data: PersonalData): boolean {
  const p = normalize(password);
  const parts: string[] = [];
  if (data.name)
    parts.push(
      ...normalize(data.name)
        .split(/[\s\-.,']+/u)
        .filter((w) => w.length >= 3),
    );
  if (data.email) {
    const local = normalize(data.email).split('@')[0];
    if (local.length >= 3) parts.push(local);
  }
  if (data.consumerCode && data.consumerCode.length >= 3) parts.push(normalize(data.consumerCode));
  return parts.some((part) => p.includes(part));
}

/** The field code for a password that passed the length check but breaks a rule, or null. */
export function passwordProblem(
  password: string,
  data: PersonalData,
): Extract<FieldCode, 'password_common' | 'password_contains_personal'> | null {
  if (isCommonPassword(password)) return 'password_common';
  if (containsPersonalData(password, data)) return 'password_contains_personal';
  return null;
}
