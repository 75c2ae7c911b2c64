// Figures in words, the same on every runtime (no Intl): money, dates, periods and moments.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPeriod, formatTime } from '../../contract/format.ts';
import { latinToCyrillic } from '../../contract/translit.ts';

describe('formatMoney', () => {
  it('writes dinars as each language does', () => {
    expect(formatMoney(1860, 'sr-Latn')).toBe('1.860,00 din.');
    expect(formatMoney(1860, 'sr-Cyrl')).toBe('1.860,00 дин.');
    expect(formatMoney(1860, 'en')).toBe('RSD 1,860.00');
  });
  it('groups thousands, rounds to para, signs debts owed back', () => {
    expect(formatMoney(1234567.891, 'sr-Latn')).toBe('1.234.567,89 din.');
    expect(formatMoney(1234567.891, 'en')).toBe('RSD 1,234,567.89');
    expect(formatMoney(0, 'sr-Latn')).toBe('0,00 din.');
    expect(formatMoney(0.5, 'en')).toBe('RSD 0.50');
    expect(formatMoney(-12.3, 'sr-Latn')).toBe('-12,30 din.');
    expect(formatMoney(-0.001, 'en')).toBe('RSD 0.00');
  });
});

describe('formatDate and formatPeriod', () => {
  it('write a date in the Serbian way, with spaces and no leading zeros, and the British way in English', () => {
    expect(formatDate('2026-12-20', 'sr-Latn')).toBe('20. 12. 2026.');
    expect(formatDate('2026-01-05', 'sr-Cyrl')).toBe('5. 1. 2026.');
    expect(formatDate('2026-12-20', 'en')).toBe('20 Dec 2026');
    expect(formatDate('2026-09-01', 'en')).toBe('1 Sep 2026');
  });
  it('name the month of a billing period', () => {
    expect(formatPeriod('2026-11', 'sr-Latn')).toBe('novembar 2026.');
    expect(formatPeriod('2026-11', 'sr-Cyrl')).toBe('новембар 2026.');
    expect(formatPeriod('2026-11', 'en')).toBe('November 2026');
    expect(formatPeriod('2027-01', 'sr-Cyrl')).toBe('јануар 2027.');
    expect(formatPeriod('2026-06', 'sr-Cyrl')).toBe('јун 2026.');
  });
  it('leave anything that is not a date or a period as it is', () => {
    for (const x of ['', '2026-13', '20.12.2026.', '2026-11-3', 'x']) {
      expect(formatPeriod(x, 'sr-Latn')).toBe(x);
      expect(formatDate(x, 'en')).toBe(x);
    }
    expect(formatPeriod('2026-11-20', 'en')).toBe('2026-11-20');
    expect(formatDate('2026-11', 'en')).toBe('2026-11');
  });
});

describe('Cyrillic', () => {
  it('is the transliteration of the Latin, word for word', () => {
    const ms = new Date(2026, 0, 2, 3, 4).getTime();
    for (let m = 1; m <= 12; m++) {
      const period = `2026-${String(m).padStart(2, '0')}`;
      expect(formatPeriod(period, 'sr-Cyrl')).toBe(latinToCyrillic(formatPeriod(period, 'sr-Latn')));
    }
    expect(formatMoney(1234.5, 'sr-Cyrl')).toBe(latinToCyrillic(formatMoney(1234.5, 'sr-Latn')));
    expect(formatDateTime(ms, 'sr-Cyrl')).toBe(latinToCyrillic(formatDateTime(ms, 'sr-Latn')));
  });
});

describe('formatDateTime', () => {
  it('writes a moment in the local time zone', () => {
    const ms = new Date(2026, 11, 20, 9, 5).getTime();
    expect(formatTime(ms)).toBe('09:05');
    expect(formatDateTime(ms, 'sr-Latn')).toBe('20. 12. 2026. u 09:05');
    expect(formatDateTime(ms, 'sr-Cyrl')).toBe('20. 12. 2026. у 09:05');
    expect(formatDateTime(ms, 'en')).toBe('20 Dec 2026, 09:05');
  });
});
