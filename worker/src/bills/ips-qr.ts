// NBS IPS QR payload ("K:PR|V:01|C:1|R:…|N:…|I:RSD…|…") for paying a bill by scanning it
// in a Serbian banking app. Follows the NBS rules: fixed tag order, no empty tags, an
// 18-digit account with valid control digits, RSD amount with a decimal comma, length limits,
// and the reference under its model: 97 with valid check digits, or 00 (contract/payment-reference.ts).
import {
  PaymentError,
  isValidModel97,
  isValidReference,
  model97CheckDigits as checkDigits97,
  normalizeAccount as normalizeAnyAccount,
  type ReferenceModel,
} from '../../../contract/payment-reference.ts';

export interface IpsPayment {
  /** Payee account, with or without dashes ("160-0000000012345-67" or 18 digits). */
  account: string;
  /** Payee name and address; lines joined with CRLF, at most 3 lines, 70 characters. */
  payee: string[];
  /** Amount in RSD, > 0. */
  amount: number;
  payer?: string[];
  /** Payment code (šifra plaćanja), 3 digits starting with 1 or 2. */
  paymentCode: string;
  purpose: string;
  /** The reference (poziv na broj) as the bill carries it: with its two check digits under model 97. */
  reference?: string;
  /** The reference's model (97 when not given). */
  model?: ReferenceModel;
}

export class IpsError extends Error {}

/** The account with its control digits checked; a bad one is an IpsError. */
export function normalizeAccount(account: string): string {
  try {
    return normalizeAnyAccount(account);
  } catch (e) {
    throw e instanceof PaymentError ? new IpsError(e.message) : e;
  }
}

/** Check digits for model 97 over `base`; a base that cannot have them is an IpsError. */
export function model97CheckDigits(base: string): string {
  try {
    return checkDigits97(base);
  } catch (e) {
    throw e instanceof PaymentError ? new IpsError(e.message) : e;
  }
}

export { isValidModel97 };

/** "RSD3596,13": no thousands separators, a comma before the (at most two) decimals. */
export function formatAmount(amount: number): string {
  if (!Number.isFinite(amount) || amount <= 0 || amount > 999_999_999_999.99) throw new IpsError('amount out of range');
  const cents = Math.round(amount * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `RSD${whole},${String(rest).padStart(2, '0')}`;
}

function lines(value: string[], max: number, what: string): string {
  const ls = value.map((l) => l.replace(/[|\r\n]/g, ' ').trim()).filter(Boolean);
  if (ls.length === 0 || ls.length > 3) throw new IpsError(`${what} needs 1–3 lines`);
  const joined = ls.join('\r\n');
  if ([...joined].length > max) throw new IpsError(`${what} is longer than ${max} characters`);
  return joined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Payer lines from whatever the billing system holds (the payer tag is optional): separators
 * and control characters become spaces, each line is cut at `perLine` whole characters (never
 * inside an emoji), at most three lines and `max` characters in all; nothing left, no lines.
 */
export function fitPayerLines(values: string[], perLine = 33, max = 70): string[] {
  const out: string[] = [];
  let room = max;
  for (const value of values) {
    const sep = out.length ? 2 : 0; // CRLF between lines
    if (out.length === 3 || room - sep <= 0) break;
    const clean = value
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(/[|\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const line = [...clean]
      .slice(0, Math.min(perLine, room - sep))
      .join('')
      .trim();
    if (!line) continue;
    out.push(line);
    room -= sep + [...line].length;
  }
  return out;
}

export function ipsQrPayload(p: IpsPayment): string {
  const tags: [string, string][] = [
    ['K', 'PR'],
    ['V', '01'],
    ['C', '1'],
    ['R', normalizeAccount(p.account)],
    ['N', lines(p.payee, 70, 'payee')],
    ['I', formatAmount(p.amount)],
  ];
  if (p.payer?.length) tags.push(['P', lines(p.payer, 70, 'payer')]);
  if (!/^[12]\d{2}$/.test(p.paymentCode)) throw new IpsError('payment code must be 3 digits starting with 1 or 2');
  tags.push(['SF', p.paymentCode]);
  const purpose = p.purpose.replace(/[|\r\n]/g, ' ').trim();
  if (purpose) {
    if ([...purpose].length > 35) throw new IpsError('purpose is longer than 35 characters');
    tags.push(['S', purpose]);
  }
  if (p.reference) {
    const model = p.model ?? '97';
    const ref = model === '97' ? p.reference.replace(/-/g, '') : p.reference;
    if (!isValidReference(model, ref)) throw new IpsError(`reference fails the model ${model} check`);
    tags.push(['RO', `${model}${ref}`]);
  }
  return tags.map(([k, v]) => `${k}:${v}`).join('|');
}

/** Checks a scanned IPS QR text against the NBS rules; returns the problems found (none: valid). */
export function ipsQrProblems(text: string): string[] {
  const problems: string[] = [];
  const parts = text.split('|');
  const tags = parts.map((p) => p.slice(0, p.indexOf(':')));
  const value = (tag: string) => parts.find((p) => p.startsWith(`${tag}:`))?.slice(tag.length + 1);
  const order = ['K', 'V', 'C', 'R', 'N', 'I', 'P', 'SF', 'S', 'RO'];
  if (tags.join() !== order.filter((t) => tags.includes(t)).join()) problems.push('tags out of order or unknown');
  for (const p of parts) if (!/^[A-Z]{1,2}:./su.test(p)) problems.push(`empty or malformed tag "${p.slice(0, 10)}"`);
  if (value('K') !== 'PR' || value('V') !== '01' || value('C') !== '1') problems.push('K, V or C is wrong');
  try {
    if (normalizeAccount(value('R') ?? '') !== value('R')) problems.push('R is not 18 digits');
  } catch (e) {
    problems.push(`R: ${(e as Error).message}`);
  }
  const n = value('N') ?? '';
  if (!n || [...n].length > 70 || n.split('\r\n').length > 3) problems.push('N missing or too long');
  if (!/^RSD\d{1,15},\d{0,2}$/.test(value('I') ?? '') || (value('I') ?? '').length > 18)
    problems.push('I is not RSD with a decimal comma');
  if (!/^[12]\d{2}$/.test(value('SF') ?? '')) problems.push('SF is not a payment code');
  if ((value('S') ?? '').length > 35) problems.push('S longer than 35');
  const ro = value('RO');
  if (
    ro !== undefined &&
    (!(ro.startsWith('97') || ro.startsWith('00')) ||
      !isValidReference(ro.slice(0, 2) as ReferenceModel, ro.slice(2)) ||
      ro.length > 25)
  )
    problems.push(`RO fails model ${ro.slice(0, 2)}`);
  return problems;
}
