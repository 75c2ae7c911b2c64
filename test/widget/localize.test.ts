// One locale for the page: every view switches to Cyrillic or English without a reload, and
// stays axe-clean (the portal's own switch is in jp-portal.test.ts).
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-register.ts';
import '../../widget/src/jp-forgot-password.ts';
import '../../widget/src/jp-reset-password.ts';
import '../../widget/src/jp-account.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { strayLatin } from '../../contract/translit.ts';
import { answer, axeViolations, settle, until, ACCOUNT } from './helpers.ts';

describe('locales', () => {
  afterEach(() => setLocale('sr-Latn'));

  for (const [locale, heading] of [
    ['sr-Cyrl', 'Пријава'],
    ['en', 'Login'],
  ] as const) {
    it(`switches every view to ${locale} without reload, axe-clean`, async () => {
      answer({ 'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }) });
      const login = await mount(html`<jp-login lang=${locale}></jp-login>`);
      // The locale's chunk is fetched (and, the first time, compiled by the test server): wait for it.
      await until(() => login.querySelector('h2')!.textContent === heading);
      expect(login.querySelector('h2')!.textContent).to.equal(heading);
      for (const tag of ['jp-register', 'jp-forgot-password', 'jp-reset-password', 'jp-account']) {
        const created = document.createElement(tag);
        created.setAttribute('lang', locale);
        const el = await mount(html`${created}`);
        await settle();
        expect(await axeViolations(el), `${tag} in ${locale}`).to.deep.equal([]);
        // Latin only where the transliteration keeps it (file names, timestamps, QR…), in the
        // addresses and names of the fake account, and in the languages named in themselves.
        if (locale === 'sr-Cyrl')
          expect(
            strayLatin(
              el.textContent!.replace(
                /[\w.+-]+@[\w.-]+|Milica Jovanović|Glavna 12, 22400 Ruma|Srpski, latinica|English/g,
                '',
              ),
            ),
            tag,
          ).to.deep.equal([]);
      }
    });
  }
});
