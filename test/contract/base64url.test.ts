// contract/base64url.ts, the one codec of worker, widget and tests: every byte value and every
// length mod 3 round trip, no padding and the URL-safe alphabet out, padding or none in, a view
// encodes only its own bytes, a character outside the alphabet throws.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../contract/base64url.ts';

describe('base64url', () => {
  it('round trips every byte value at every length mod 3, unpadded and URL-safe', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 6; n++) {
      const part = all.slice(250 - n, 256);
      const text = toBase64Url(part);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect([...fromBase64Url(text)]).toEqual([...part]);
    }
    expect([...fromBase64Url(toBase64Url(all))]).toEqual([...all]);
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect([...fromBase64Url('-_8')]).toEqual([0xfb, 0xff]);
  });

  it('takes a buffer or a view (only the view’s bytes), and padding or none', () => {
    expect(toBase64Url(Uint8Array.of(1, 2, 3).buffer)).toBe('AQID');
    expect(toBase64Url(new Uint8Array(Uint8Array.of(1, 2, 3, 4).buffer, 1, 2))).toBe('AgM');
    expect(toBase64Url(new DataView(Uint8Array.of(1, 2, 3, 4).buffer, 1, 2))).toBe('AgM');
    expect([...fromBase64Url('AgM=')]).toEqual([2, 3]);
    expect([...fromBase64Url('AgM')]).toEqual([2, 3]);
  });

  it('throws on a character outside the alphabet', () => {
    expect(() => fromBase64Url('Ag M!')).toThrow();
  });
});
