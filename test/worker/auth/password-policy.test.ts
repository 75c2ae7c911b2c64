import { describe, expect, it } from 'vitest';
import { passwordProblem, isCommonPassword } from '../../../worker/src/auth/password-policy.ts';
import { commonPasswordCheck, foldPassword } from '../../../contract/common-passwords.ts';
import { makeSchemas, validate } from '../../../contract/schemas.ts';

describe('password policy', () => {
  it.each(['123qweasdzxc', 'qwertyuiop12', 'Password2024!', '!!dragon1234', 'zzzzzzzzzzzz', 'abcabcabcabc'])(
    'calls %s common',
    (p) => {
      expect(isCommonPassword(p)).toBe(true);
    },
  );

  it.each(['sunce nad sremom', 'ljubičasti kišobran 7', 'Ruma-Fruška-gora-2026'])('accepts %s', (p) => {
    expect(
      passwordProblem(p, { name: 'Milica Jovanović', email: 'milica@example.com', consumerCode: '104521' }),
    ).toBeNull();
  });

  it('rejects personal data in any case', () => {
    const data = { name: 'Milica Jovanović', email: 'mjovanovic@example.com', consumerCode: '104521' };
    expect(passwordProblem('MILICA i more 1', data)).toBe('password_contains_personal');
    expect(passwordProblem('x mjovanovic x', data)).toBe('password_contains_personal');
    expect(passwordProblem('šifra 104521 ok', data)).toBe('password_contains_personal');
  });
});

describe('Serbian common passwords (shared with the widget)', () => {
  const utility = { name: 'JP Stambeno Ruma', shortName: 'JP Stambeno', city: 'Ruma' };
  const schemas = makeSchemas({
    consumerCodePattern: '^[0-9]+$',
    pinPattern: '^[0-9]+$',
    commonWords: [utility.name, utility.shortName, utility.city],
  });
  const reset = (password: string) => validate(schemas.reset, { token: 'A'.repeat(43), password });

  it.each([
    'sifra1234567',
    'šifra1234567',
    'ŠIFRA-2026-!!',
    'Шифра12345678',
    'Лозинка2026!',
    'lozinka-2026!',
    'Korisnik-Lozinka1',
    'korisnikkorisnik',
    'admin lozinka 1',
    '12 januar 1990',
    'Децембар2025!!',
    'Crvena Zvezda 1991',
    'ЦрвенаЗвезда1945',
    'partizan-partizan',
    'fk vojvodina 14',
    'Milica1995!!!',
    'Đorđe-1990-!!',
    'Djordje-1990!!',
    'dordje 1990 !!',
    'марко маркo 123',
  ])('calls %s common, on the server and in the schema', (p) => {
    expect(isCommonPassword(p)).toBe(true);
    expect(passwordProblem(p, {})).toBe('password_common');
    expect(reset(p)).toEqual({ ok: false, fields: { password: 'password_common' } });
  });

  it.each(['Stambeno-Ruma-2026', 'JP Stambeno Ruma 1', 'jpstambeno2026!', 'Рума Стамбено 2026', 'ruma lozinka 2026'])(
    'refuses the configured utility words: %s',
    (p) => {
      expect(reset(p)).toEqual({ ok: false, fields: { password: 'password_common' } });
      expect(commonPasswordCheck()(p)).toBe(false); // nothing of the utility is listed in code
    },
  );

  it.each([
    'ljubičasti kišobran 7',
    'sunce nad sremom',
    'Ruma-Fruška-gora-2026',
    'nova lozinka za rumu',
    'q7Vt2mKx9LpR4w',
    'marko voli planine',
  ])('accepts %s', (p) => {
    expect(reset(p)).toEqual({
      ok: true,
      value: { token: 'A'.repeat(43), password: p, removePasskeys: false, keepProvisionalPasskeys: false },
    });
    expect(passwordProblem(p, {})).toBeNull();
  });

  it('folds both scripts and both spellings to one form', () => {
    expect(foldPassword('Шифра-Ђорђе 12 Џеп Љубав Њива')).toBe('sifradordedzepljubavnjiva');
    expect(foldPassword('Šifra-Đorđe 12 Džep Ljubav Njiva')).toBe('sifradordedzepljubavnjiva');
    expect(foldPassword('sifra-djordje 12 dzep ljubav njiva')).toBe('sifradordedzepljubavnjiva');
  });
});

describe('password length', () => {
  const schemas = makeSchemas({ consumerCodePattern: '^[0-9]+$', pinPattern: '^[0-9]+$' });
  const emoji = '😀'.repeat(70) + 'lozinkaxyz';

  it('counts code points of the NFC form in every password field, new and current alike', () => {
    expect(emoji.length).toBeGreaterThan(128);
    expect(validate(schemas.reset, { token: 'A'.repeat(43), password: emoji }).ok).toBe(true);
    expect(validate(schemas.login, { email: 'a@example.com', password: emoji }).ok).toBe(true);
    expect(validate(schemas.changePassword, { currentPassword: emoji, newPassword: emoji }).ok).toBe(true);
    expect(validate(schemas.deleteAccount, { password: emoji }).ok).toBe(true);
    const over = '😀'.repeat(129);
    expect(validate(schemas.login, { email: 'a@example.com', password: over })).toEqual({
      ok: false,
      fields: { password: 'password_too_long' },
    });
    expect(validate(schemas.reset, { token: 'A'.repeat(43), password: over })).toEqual({
      ok: false,
      fields: { password: 'password_too_long' },
    });
    // Typed as NFD ("s" + combining caron), 11 letters are still 11: too short, as in NFC.
    const nfd = 'kiš'.normalize('NFD') + 'obran ru';
    expect([...nfd].length).toBe(12);
    expect(validate(schemas.reset, { token: 'A'.repeat(43), password: nfd })).toEqual({
      ok: false,
      fields: { password: 'password_too_short' },
    });
  });
});
