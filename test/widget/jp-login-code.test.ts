// <jp-login-code>: the e-mail, then the 6-digit code (numeric keyboard, one-time-code autofill),
// "Zapamti me", logged in with jp-login; a wrong or expired code in words; "Pošaljite ponovo"
// only after the countdown; a code of the wrong shape never sent; a mistyped address corrected.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-login-code.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { StatusAnswers } from '../../contract/responses.ts';
import { answer, calls, axeViolations, byLabel, submit, until, buttonByText, ACCOUNT } from './helpers.ts';

const sent =
  (status: StatusAnswers['mailRequest'] = 'accepted') =>
  () => ({ status: 202 as const, body: { status } });

async function toCode(el: Element) {
  byLabel(el, 'E-mail adresa').value = 'milica@example.com';
  await submit(el);
  await until(() => el.querySelector('h2')!.textContent === 'Unesite kod iz e-maila');
}

describe('<jp-login-code>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('step 1 sends the address (and the locale), step 2 asks for the code; axe-clean in both', async () => {
    answer({ 'POST /api/login/code/send': sent() });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava kodom iz e-maila');
    expect(byLabel(el, 'E-mail adresa').autocomplete).to.equal('username');
    expect(await axeViolations(el)).to.deep.equal([]);
    await toCode(el);
    expect(calls[0]).to.deep.equal({
      path: '/api/login/code/send',
      body: { email: 'milica@example.com', locale: 'sr-Latn' },
    });
    expect(el.textContent).to.contain('Poslali smo kod na adresu:').and.contain('Važi 10 minuta.');
    expect(el.querySelector('.jp-address')!.textContent).to.equal('milica@example.com');
    const code = byLabel(el, 'Kod iz e-maila');
    expect(code.inputMode).to.equal('numeric');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.pattern).to.equal('[0-9 ]*');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    // The countdown before "Pošaljite ponovo" (the server's gap between two mails).
    expect(buttonByText(el, 'Pošaljite ponovo').disabled).to.equal(true);
    expect(el.textContent).to.contain('Novi kod možete zatražiti za 2 minuta.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('the code logs in: the address, the digits and "Zapamti me" sent once, then jp-login', async () => {
    answer({
      'POST /api/login/code/send': sent(),
      'POST /api/login/code': () => ({ status: 200, body: { account: ACCOUNT } }),
    });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    await toCode(el);
    byLabel(el, 'Kod iz e-maila').value = '123 456';
    byLabel(el, 'Zapamti me').checked = true;
    const done = oneEvent(el, 'jp-login');
    el.querySelector('form')!.requestSubmit();
    el.querySelector('form')!.requestSubmit();
    expect((await done).detail.account.email).to.equal('milica@example.com');
    const logins = calls.filter((c) => c.path === '/api/login/code');
    expect(logins).to.have.length(1);
    expect(logins[0].body).to.deep.equal({ email: 'milica@example.com', code: '123456', remember: true });
  });

  it('a wrong code: check the digits and try again (or, an old code, send a new one)', async () => {
    answer({
      'POST /api/login/code/send': sent(),
      'POST /api/login/code': () => ({ status: 401, body: { error: { code: 'invalid_code' } } }),
    });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    await toCode(el);
    byLabel(el, 'Kod iz e-maila').value = '000000';
    await submit(el);
    await until(() => !!el.querySelector('[role=alert]')?.textContent);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Kod nije tačan. Proverite cifre i pokušajte ponovo. Ako je kod stariji od 10 minuta, pošaljite novi kod.',
    );
  });

  it('a code that is not 6 digits is never sent', async () => {
    answer({ 'POST /api/login/code/send': sent() });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    await toCode(el);
    const code = byLabel(el, 'Kod iz e-maila');
    code.value = '12345';
    await submit(el);
    await until(() => code.getAttribute('aria-invalid') === 'true');
    expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[1])!.textContent).to.equal(
      'Kod ima tačno 6 cifara. Prepišite ga iz e-maila.',
    );
    expect(calls.filter((c) => c.path === '/api/login/code')).to.have.length(0);
  });

  it('asked again a moment later: "already sent", no new mail promised; a mistyped address goes back to step 1', async () => {
    answer({ 'POST /api/login/code/send': sent('recently_sent') });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    await toCode(el);
    expect(el.querySelector('.jp-status')!.textContent).to.equal(
      'Kod smo Vam već poslali pre nekoliko trenutaka. Proverite i fasciklu za neželjenu poštu.',
    );
    [...el.querySelectorAll('a')].find((a) => a.textContent === 'Unesite drugu adresu')!.click();
    await until(() => el.querySelector('h2')!.textContent === 'Prijava kodom iz e-maila');
    expect(byLabel(el, 'E-mail adresa')).to.exist;
  });

  it('too many requests for a code: when to try again', async () => {
    answer({
      'POST /api/login/code/send': () => ({
        status: 429,
        body: { error: { code: 'too_many_attempts' } },
        headers: { 'retry-after': '120' },
      }),
    });
    const el = await mount(html`<jp-login-code></jp-login-code>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    await submit(el);
    await until(() => !!el.querySelector('[role=alert]')?.textContent);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Previše pokušaja. Pokušajte ponovo za 2 min.');
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava kodom iz e-maila');
  });
});
