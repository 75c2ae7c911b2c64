// The one narrowing of outside language tags to the portal's locales.
import { describe, expect, it } from 'vitest';
import { LOCALES, toLocale } from '../../contract/locales.ts';

describe('toLocale', () => {
  it('keeps every portal locale as it is', () => {
    for (const l of LOCALES) expect(toLocale(l)).toBe(l);
  });
  it('reads language tags: Serbian in Latin unless Cyrillic is named, English in any region', () => {
    expect(toLocale('sr')).toBe('sr-Latn');
    expect(toLocale('sr-RS')).toBe('sr-Latn');
    expect(toLocale('SR-latn-rs')).toBe('sr-Latn');
    expect(toLocale('sr-Cyrl-RS')).toBe('sr-Cyrl');
    expect(toLocale('en-GB')).toBe('en');
  });
  it('gives the fallback for anything else', () => {
    for (const x of [undefined, null, '', 'de', 'english', 'srb', 42]) expect(toLocale(x)).toBe('sr-Latn');
    expect(toLocale('xx', 'en')).toBe('en');
    expect(toLocale(undefined, 'sr-Cyrl')).toBe('sr-Cyrl');
  });
});
