// Login codes are drawn uniformly: a 32-bit draw at or above the largest multiple of 10^6 is
// thrown away and drawn again, so no code is likelier than another; leading zeros are kept.
import { describe, expect, it } from 'vitest';
import { loginCodeDigest, randomCode } from '../../../worker/src/auth/login-codes.ts';

/** A randomBytes that hands out these 32-bit values, big-endian, one per call. */
function draws(...values: number[]) {
  const queue = [...values];
  let calls = 0;
  const randomBytes = (n: number) => {
    expect(n).toBe(4);
    calls++;
    const v = queue.shift();
    if (v === undefined) throw new Error('drew more than expected');
    return new Uint8Array([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
  };
  return { randomBytes, calls: () => calls };
}

describe('randomCode', () => {
  it('keeps leading zeros', () => {
    expect(randomCode(draws(7).randomBytes)).toBe('000007');
    expect(randomCode(draws(1_000_000).randomBytes)).toBe('000000');
  });

  it('takes the last draw below 4 294 000 000 and draws again at or above it', () => {
    expect(randomCode(draws(4_293_999_999).randomBytes)).toBe('999999');
    const d = draws(4_294_000_000, 0xffffffff, 123_456);
    expect(randomCode(d.randomBytes)).toBe('123456');
    expect(d.calls()).toBe(3);
  });

  it('draws from the platform CSPRNG: six digits, every digit in every place', () => {
    const rng = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const codes = Array.from({ length: 2000 }, () => randomCode(rng));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    for (let place = 0; place < 6; place++) expect(new Set(codes.map((c) => c[place])).size).toBe(10);
  });
});

describe('loginCodeDigest', () => {
  it('is keyed and bound to the account', async () => {
    const d = await loginCodeDigest('key-1', 'acc-1', '123456');
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(await loginCodeDigest('key-2', 'acc-1', '123456')).not.toBe(d);
    expect(await loginCodeDigest('key-1', 'acc-2', '123456')).not.toBe(d);
    expect(await loginCodeDigest('key-1', 'acc-1', '123457')).not.toBe(d);
  });
});
