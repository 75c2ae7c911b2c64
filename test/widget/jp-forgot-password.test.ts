// <jp-forgot-password>: the address checked before anything is sent, the page's locale sent
// along for the mail, and the way back to the login (the answers' words are in help.test.ts).
import { expect, html, fixture as mount, oneEvent } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-forgot-password.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, byLabel, submit } from './helpers.ts';

describe('<jp-forgot-password>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it("checks the address before sending, then sends it with the page's locale", async () => {
    answer({ 'POST /api/password/forgot': () => ({ status: 202, body: { status: 'accepted' } }) });
    const el = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Zaboravljena lozinka');
    const email = byLabel(el, 'E-mail adresa');
    expect(email.autocomplete).to.equal('username');
    email.value = 'nije-adresa';
    await submit(el);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(email);
    expect(calls).to.have.length(0);
    expect(await axeViolations(el)).to.deep.equal([]);
    email.value = 'milica@example.com';
    await submit(el);
    expect(calls[0]).to.deep.equal({
      path: '/api/password/forgot',
      body: { email: 'milica@example.com', locale: 'sr-Latn' },
    });
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement).to.equal(el.querySelector('.jp-status'));
  });

  it('asks for the login view with its link', async () => {
    const el = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    const asked = oneEvent(el, 'jp-navigate');
    el.querySelector<HTMLAnchorElement>('a[href="#prijava"]')!.click();
    expect((await asked).detail.view).to.equal('login');
  });
});
