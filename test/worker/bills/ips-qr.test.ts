import { describe, expect, it } from 'vitest';
import {
  ipsQrPayload,
  ipsQrProblems,
  normalizeAccount,
  isValidModel97,
  model97CheckDigits,
  formatAmount,
  IpsError,
} from '../../../worker/src/bills/ips-qr.ts';

// The NBS example of a payment slip ("uplatnica") IPS QR code.
const NBS_EXAMPLE =
  'K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD\r\nBALKANSKA 13|I:RSD3596,13|P:MRĐO MAČKATOVIĆ\r\nŽUPSKA 13\r\nBEOGRAD 6|SF:189|S:UPLATA PO RAČUNU ZA EL. ENERGIJU|RO:97163220000111111111000';

const example = {
  account: '845000000040484987',
  payee: ['JP EPS BEOGRAD', 'BALKANSKA 13'],
  amount: 3596.13,
  payer: ['MRĐO MAČKATOVIĆ', 'ŽUPSKA 13', 'BEOGRAD 6'],
  paymentCode: '189',
  purpose: 'UPLATA PO RAČUNU ZA EL. ENERGIJU',
  reference: '163220000111111111000',
};

describe('NBS IPS QR payload', () => {
  it('reproduces the published NBS example', () => {
    expect(ipsQrPayload(example)).toBe(NBS_EXAMPLE);
  });

  it('leaves out optional tags instead of writing them empty', () => {
    const s = ipsQrPayload({ ...example, payer: undefined, purpose: '', reference: undefined });
    expect(s).toBe('K:PR|V:01|C:1|R:845000000040484987|N:JP EPS BEOGRAD\r\nBALKANSKA 13|I:RSD3596,13|SF:189');
    expect(s).not.toMatch(/\|[A-Z]+:(\||$)/);
  });

  it('normalises dashed accounts and checks control digits', () => {
    expect(normalizeAccount('845-404849-87')).toBe('845000000040484987');
    expect(() => normalizeAccount('845000000040484988')).toThrow(IpsError);
    expect(() => normalizeAccount('84500000004048498')).toThrow(IpsError);
  });

  it('computes and checks model 97 references', () => {
    expect(model97CheckDigits('3220000111111111000')).toBe('16');
    expect(isValidModel97('163220000111111111000')).toBe(true);
    expect(isValidModel97('173220000111111111000')).toBe(false);
    expect(isValidModel97('16-322-0000111111111000')).toBe(true);
    // Letters count as 10…35.
    expect(isValidModel97(model97CheckDigits('AB12') + 'AB12')).toBe(true);
  });

  it('writes amounts with a decimal comma and two decimals, no separators', () => {
    expect(formatAmount(1500)).toBe('RSD1500,00');
    expect(formatAmount(0.1 + 0.2)).toBe('RSD0,30');
    expect(formatAmount(1234567.891)).toBe('RSD1234567,89');
    expect(() => formatAmount(0)).toThrow(IpsError);
    expect(() => formatAmount(-5)).toThrow(IpsError);
  });

  it('enforces the length limits and the payment code', () => {
    expect(() => ipsQrPayload({ ...example, payee: ['x'.repeat(71)] })).toThrow(/70/);
    expect(() => ipsQrPayload({ ...example, purpose: 'y'.repeat(36) })).toThrow(/35/);
    expect(() => ipsQrPayload({ ...example, paymentCode: '389' })).toThrow(/payment code/);
    expect(() => ipsQrPayload({ ...example, reference: '993220000111111111000' })).toThrow(/model 97/);
  });

  it('writes a reference without a model (00) as it is, digits and dashes only', () => {
    const s = ipsQrPayload({ ...example, model: '00', reference: '123456-202611' });
    expect(s.endsWith('|RO:00123456-202611')).toBe(true);
    expect(ipsQrProblems(s)).toEqual([]);
    expect(() => ipsQrPayload({ ...example, model: '00', reference: 'VD123456' })).toThrow(/model 00/);
    expect(ipsQrProblems(s.replace('RO:00', 'RO:11'))).toContain('RO fails model 11');
  });

  it('keeps the separator out of values', () => {
    expect(ipsQrPayload({ ...example, purpose: 'A|B' })).toContain('|S:A B|');
  });
});

describe('checking a scanned IPS QR text', () => {
  it('accepts the NBS example and what the portal writes', () => {
    expect(ipsQrProblems(NBS_EXAMPLE)).toEqual([]);
    expect(ipsQrProblems(ipsQrPayload({ ...example, payer: undefined }))).toEqual([]);
  });

  it('finds broken texts', () => {
    expect(ipsQrProblems(NBS_EXAMPLE.replace('R:845000000040484987', 'R:845000000040484988'))).toContain(
      'R: account control digits are wrong',
    );
    expect(ipsQrProblems(NBS_EXAMPLE.replace('I:RSD3596,13', 'I:RSD3596.13'))).toContain(
      'I is not RSD with a decimal comma',
    );
    expect(ipsQrProblems(NBS_EXAMPLE.replace('RO:97163220000111111111000', 'RO:97173220000111111111000'))).toContain(
      'RO fails model 97',
    );
    expect(ipsQrProblems(NBS_EXAMPLE.replace('|SF:189', '|SF:'))).not.toEqual([]);
  });
});
