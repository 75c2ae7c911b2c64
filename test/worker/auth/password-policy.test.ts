import { describe, expect, it } from 'vitest';
import { passwordProblem, isCommonPassword } from '../../../worker/src/auth/password-policy.ts';

describe('password policy', () => {
  it.each(['123qweasdzxc', 'qwertyuiop12', 'Password2024!', '!!dragon1234', 'zzzzzzzzzzzz', 'abcabcabcabc'])('calls %s common', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it.each(['sunce nad sremom', 'ljubičasti kišobran 7', 'Ruma-Fruška-gora-2026'])('accepts %s', (p) => {
    expect(passwordProblem(p, { name: 'Milica Jovanović', email: 'milica@example.com', consumerCode: '104521' })).toBeNull();
  });

  it('rejects personal data in any case', () => {
    const data = { name: 'Milica Jovanović', email: 'mjovanovic@example.com', consumerCode: '104521' };
    expect(passwordProblem('MILICA i more 1', data)).toBe('password_contains_personal');
    expect(passwordProblem('x mjovanovic x', data)).toBe('password_contains_personal');
    expect(passwordProblem('šifra 104521 ok', data)).toBe('password_contains_personal');
  });
});
