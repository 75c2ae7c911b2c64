// minutes.ts: a wait in whole minutes with the plural of the page's language — Serbian "1 minut",
// "2–4 minuta", "5+ minuta", "21 minut"; English "1 minute", "21 minutes"; rounded up.
import { expect } from '@open-wc/testing';
import { inMinutes } from '../../widget/src/minutes.ts';
import { setLocale } from '../../widget/src/localize.ts';

describe('inMinutes', () => {
  afterEach(() => setLocale('sr-Latn'));

  it('in Serbian: minut after 1 and 21, minuta after 2–4, 5–20 and 22', async () => {
    await setLocale('sr-Latn');
    const said = [1, 2, 4, 5, 11, 12, 20, 21, 22].map((n) => inMinutes(n * 60));
    expect(said).to.deep.equal([
      'za 1 minut',
      'za 2 minuta',
      'za 4 minuta',
      'za 5 minuta',
      'za 11 minuta',
      'za 12 minuta',
      'za 20 minuta',
      'za 21 minut',
      'za 22 minuta',
    ]);
  });

  it('rounds up: the last seconds read "za 1 minut", a minute and a second "za 2 minuta"', async () => {
    await setLocale('sr-Latn');
    expect([0, 1, 59, 60, 61, 120].map(inMinutes)).to.deep.equal([
      'za 1 minut',
      'za 1 minut',
      'za 1 minut',
      'za 1 minut',
      'za 2 minuta',
      'za 2 minuta',
    ]);
  });

  it('in Cyrillic and in English', async () => {
    await setLocale('sr-Cyrl');
    expect([60, 120, 21 * 60].map(inMinutes)).to.deep.equal(['за 1 минут', 'за 2 минута', 'за 21 минут']);
    await setLocale('en');
    expect([60, 120, 21 * 60].map(inMinutes)).to.deep.equal(['in 1 minute', 'in 2 minutes', 'in 21 minutes']);
  });
});
