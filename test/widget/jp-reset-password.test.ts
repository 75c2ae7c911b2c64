// <jp-reset-password>: checks the new password before sending (length, common passwords, the
// utility's name), fires password-reset, and goes on to the account when the reset logs in; a
// link cut short gets the expired link's page before any password is typed.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-reset-password.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, submit, settle, buttonByText, ACCOUNT } from './helpers.ts';
import type { Account } from '../../contract/responses.ts';

const TOKEN = 'T'.repeat(43);
// The reset itself (the form also asks, on arrival, which passkeys it would remove).
const resets = () => calls.filter((c) => c.path === '/api/password/reset');

describe('<jp-reset-password>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('sets a new password, checks it before sending, and fires password-reset', async () => {
    answer({
      'POST /api/password/reset': () => ({ status: 200, body: { status: 'password_reset', account: ACCOUNT } }),
    });
    const el = document.createElement('jp-reset-password');
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    expect(input.autocomplete).to.equal('new-password');
    input.value = 'kratka';
    await submit(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector('.jp-error')!.textContent).to.equal('Lozinka mora imati najmanje 12 znakova.');
    expect(resets()).to.have.length(0);
    input.value = 'nova lozinka za rumu';
    const done = oneEvent(el, 'password-reset');
    await submit(el);
    await done;
    expect(el.querySelector('h2')!.textContent).to.equal('Lozinka je promenjena');
  });

  it("refuses a common Serbian password or the utility's name before sending", async () => {
    answer({});
    const el = document.createElement('jp-reset-password');
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    for (const password of ['Лозинка2026!', 'Korisnik-Lozinka1', 'Stambeno-Ruma-2026']) {
      input.value = password;
      await submit(el);
      expect(input.getAttribute('aria-invalid'), password).to.equal('true');
      expect(el.querySelector('.jp-error')!.textContent, password).to.contain('previše česta');
    }
    expect(resets()).to.have.length(0);
  });
});

describe('<jp-reset-password> when the reset logs in', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('says so and goes on to the account with one button (login event)', async () => {
    const account: Account = {
      id: 'a1',
      name: 'Milica Jovanović',
      email: 'milica@example.com',
      emailBills: true,
      locale: 'sr-Latn',
      consumers: [],
    };
    answer({ 'POST /api/password/reset': () => ({ status: 200, body: { status: 'password_reset', account } }) });
    const el = await mount(html`<jp-reset-password token=${TOKEN}></jp-reset-password>`);
    el.querySelector<HTMLInputElement>('input[type=password]')!.value = 'nova lozinka za rumu';
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Lozinka je promenjena');
    expect(el.textContent).to.contain('Ulogovani ste novom lozinkom');
    const login = oneEvent(el, 'login');
    buttonByText(el, 'Otvorite svoj nalog').click();
    expect((await login).detail.account.email).to.equal('milica@example.com');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a link cut short or mangled: "Link više ne važi" at once, a new link and the contact, nothing sent; axe-clean', async () => {
    answer({});
    for (const token of ['R'.repeat(15), `${'R'.repeat(42)}.`]) {
      const el = await mount(html`<jp-reset-password token=${token}></jp-reset-password>`);
      await settle();
      expect(el.querySelector('h2')!.textContent).to.equal('Link više ne važi');
      expect(el.querySelector('form')).to.equal(null);
      expect(el.querySelector('[role=alert]')!.textContent).to.equal(
        'Link nije ispravan, već je iskorišćen ili je istekao.',
      );
      expect(el.querySelector<HTMLAnchorElement>('a[href="#zaboravljena-lozinka"]')!.textContent).to.equal(
        'Zatražite novi link',
      );
      expect(el.querySelector('.jp-contact')!.textContent).to.contain('022 000 000');
      expect(await axeViolations(el)).to.deep.equal([]);
    }
    // Not even the list of the passkeys the reset would remove.
    expect(calls).to.have.length(0);
  });
});
