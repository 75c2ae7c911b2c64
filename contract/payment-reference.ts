// A Serbian payee account and the reference (poziv na broj) of a payment, by the NBS rules:
// the account as 18 digits with valid control digits, and the reference models a utility may
// use — 97 (two check digits, ISO 7064 MOD 97-10, letters allowed in the base) or 00 (no model:
// digits and dashes, no check). Pure; shared by the worker (slips, IPS QR, imports) and the
// utility configuration's schema. Throws PaymentError with a plain reason.

export class PaymentError extends Error {}

/** The reference models the portal writes: 97 with check digits, 00 without. */
export const REFERENCE_MODELS = ['97', '00'] as const;
export type ReferenceModel = (typeof REFERENCE_MODELS)[number];

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

/** Normalises a Serbian account to 18 digits, padding the middle part, and checks its control digits. */
export function normalizeAccount(account: string): string {
  const parts = account.trim().split('-');
  let digits: string;
  if (
    parts.length === 3 &&
    parts.every((p) => /^\d+$/.test(p)) &&
    parts[0].length === 3 &&
    parts[2].length === 2 &&
    parts[1].length <= 13
  ) {
    digits = parts[0] + parts[1].padStart(13, '0') + parts[2];
  } else if (/^\d{18}$/.test(account.trim())) {
    digits = account.trim();
  } else {
    throw new PaymentError('account must be 18 digits or bank-account-control');
  }
  if (98 - mod97(digits.slice(0, 16) + '00') !== Number(digits.slice(16)))
    throw new PaymentError('account control digits are wrong');
  return digits;
}

const letterValue = (ch: string) => (/\d/.test(ch) ? ch : String(ch.toUpperCase().charCodeAt(0) - 55));

/** Check digits for model 97 over `base` (digits and letters; dashes ignored). */
export function model97CheckDigits(base: string): string {
  const clean = base.replace(/-/g, '');
  if (!/^[0-9A-Za-z]{1,21}$/.test(clean)) throw new PaymentError('reference must be 1–21 letters or digits');
  const numeric = [...clean].map(letterValue).join('');
  return String(98 - mod97(numeric + '00')).padStart(2, '0');
}

export function isValidModel97(reference: string): boolean {
  const clean = reference.replace(/-/g, '');
  if (!/^\d{2}[0-9A-Za-z]{1,21}$/.test(clean)) return false;
  return model97CheckDigits(clean.slice(2)) === clean.slice(0, 2);
}

/** A reference without a model (00): digits, single dashes between them, at most 22 characters. */
export const isValidModel00 = (reference: string) => /^\d+(-\d+)*$/.test(reference) && reference.length <= 22;

/** Whether a reference (as the bill carries it, check digits included) is valid under the model. */
export const isValidReference = (model: ReferenceModel, reference: string) =>
  model === '97' ? isValidModel97(reference) : isValidModel00(reference);

/**
 * The reference made from a base under the model: model 97 puts its check digits in front (dashes
 * dropped), model 00 keeps the base as it is (only its digits and dashes).
 */
export function makeReference(model: ReferenceModel, base: string): string {
  if (model === '97') return `${model97CheckDigits(base)}${base.replace(/-/g, '')}`;
  const ref = base
    .replace(/[^\d-]/g, '')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  if (!isValidModel00(ref)) throw new PaymentError('reference must be digits and dashes, at most 22 characters');
  return ref;
}
