// <jp-settings>: a wrong password shown at the form that sent it, the sessions listed and one
// revoked (the utility's contact on a locked code is in help.test.ts).
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-settings.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, frames, buttonByText } from './helpers.ts';

describe('<jp-settings>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('shows a wrong password at the form that sent it, lists sessions and revokes one', async () => {
    answer({
      'GET /api/account/sessions': () => ({
        status: 200,
        body: {
          sessions: [
            { id: 'aaaaaaaaaaaaaaaa', current: true, lastSeenAt: 0, userAgent: 'Ovaj' },
            { id: 'bbbbbbbbbbbbbbbb', current: false, lastSeenAt: 0, userAgent: 'Telefon' },
          ],
        },
      }),
      'GET /api/account/consents': () => ({
        status: 200,
        body: { consents: [{ termsVersion: '2026-11-01', privacyVersion: '2026-11-01', acceptedAt: 0 }] },
      }),
      'POST /api/account/email': () => ({
        status: 403,
        body: { error: { code: 'wrong_password', fields: { password: 'wrong_password' } } },
      }),
      'POST /api/account/sessions/revoke': () => ({ status: 204 }),
    });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await frames();
    expect(el.textContent).to.contain('Telefon').and.contain('2026-11-01');
    const form = [...el.querySelectorAll('form')].find((f) => f.querySelector('input[name=new-email]'))!;
    form.querySelector<HTMLInputElement>('input[name=new-email]')!.value = 'nova@example.com';
    form.querySelector<HTMLInputElement>('input[name=email-password]')!.value = 'pogrešna lozinka';
    form.requestSubmit();
    await frames(8);
    expect(form.querySelector('input[name=email-password]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector<HTMLInputElement>('input[name=password]')!.getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement).to.equal(form.querySelector('input[name=email-password]'));
    buttonByText(el, 'Odjavite ovaj uređaj').click();
    await frames();
    expect(calls.find((c) => c.path === '/api/account/sessions/revoke')!.body).to.deep.equal({
      id: 'bbbbbbbbbbbbbbbb',
    });
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
