// <jp-confirm>: confirms a registration with the token on arrival, explains a used or expired
// link and what to do instead (a link cut short too, without asking the server), and lets a
// request that failed on the way be tried again.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-confirm.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, settle, until, buttonByText, axeViolations } from './helpers.ts';

const TOKEN = 'T'.repeat(43);

describe('<jp-confirm>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('confirms with the token and fires confirmed', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    const el = document.createElement('jp-confirm');
    el.token = 'A'.repeat(43);
    const confirmed = oneEvent(el, 'confirmed');
    await mount(html`${el}`);
    expect((await confirmed).detail.status).to.equal('confirmed');
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je potvrđena');
    expect(calls[0].body).to.deep.equal({ token: 'A'.repeat(43) });
  });

  it('explains a used or expired link', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = document.createElement('jp-confirm');
    el.token = 'B'.repeat(43);
    await mount(html`${el}`);
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Link nije ispravan, već je iskorišćen ili je istekao.',
    );
  });
});

describe('<jp-confirm> failures', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('a link older than the last password change: says so and what to do instead', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = await mount(html`<jp-confirm token=${TOKEN} purpose="email"></jp-confirm>`);
    el.querySelector('button')!.click();
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Link nije ispravan, već je iskorišćen ili je istekao.',
    );
    expect(el.textContent).to.contain('zatražite promenu ponovo u podešavanjima');
    expect(el.querySelector('button')).to.equal(null);
  });

  it('an expired registration link says why, offers a new registration and the contact', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = await mount(html`<jp-confirm token=${TOKEN}></jp-confirm>`);
    await settle();
    expect(el.textContent).to.contain('Link je verovatno istekao (važi 48 sati)');
    expect(el.querySelector('.jp-contact')!.textContent).to.contain('022 000 000');
    const again = el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!;
    expect(again.textContent).to.equal('Registrujte se ponovo');
    const asked = oneEvent(el, 'jp-navigate');
    again.click();
    expect((await asked).detail.view).to.equal('register');
  });

  it('a link cut short or mangled: the expired link\'s page at once ("Registrujte se ponovo", the contact), nothing sent; axe-clean', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    // Cut by a mail program, a character lost, a space or a quote come with it when copied.
    for (const token of [
      'T'.repeat(21),
      'T'.repeat(30).slice(0, 12),
      `${'T'.repeat(42)}"`,
      `${'T'.repeat(20)} ${'T'.repeat(22)}`,
    ]) {
      const el = await mount(html`<jp-confirm token=${token}></jp-confirm>`);
      await settle();
      expect(el.querySelector('h2')!.textContent, token).to.equal('Potvrda nije uspela');
      expect(el.querySelector('[role=alert]')!.textContent).to.equal(
        'Link nije ispravan, već je iskorišćen ili je istekao.',
      );
      expect(el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!.textContent).to.equal(
        'Registrujte se ponovo',
      );
      expect(el.querySelector('.jp-contact')!.textContent).to.contain('022 000 000');
      // No "Pokušajte ponovo": the same link can never work.
      expect(el.querySelector('button')).to.equal(null);
      expect(await axeViolations(el)).to.deep.equal([]);
    }
    expect(calls.filter((c) => c.path === '/api/confirm')).to.have.length(0);
  });

  it("a new address's link cut short: no button to confirm it, what to do instead", async () => {
    answer({});
    const el = await mount(html`<jp-confirm token="abc" purpose="email"></jp-confirm>`);
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('button')).to.equal(null);
    expect(el.textContent).to.contain('zatražite promenu ponovo u podešavanjima');
    expect(calls).to.have.length(0);
  });

  it("a token the server's schema refuses (422) reads as a link that cannot work", async () => {
    answer({
      'POST /api/confirm': () => ({
        status: 422,
        body: { error: { code: 'validation_failed', fields: { token: 'invalid_token' } } },
      }),
    });
    const el = await mount(html`<jp-confirm token=${TOKEN}></jp-confirm>`);
    await until(() => !!el.querySelector('[role=alert]')?.textContent, 'the failure said');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Link nije ispravan, već je iskorišćen ili je istekao.',
    );
    expect(el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!.textContent).to.equal(
      'Registrujte se ponovo',
    );
    expect(el.querySelector('button')).to.equal(null);
  });

  it('a link opened again after the account was confirmed says so and offers the login, firing nothing', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'already_confirmed' } }) });
    const el = document.createElement('jp-confirm');
    el.token = TOKEN;
    let fired = 0;
    el.addEventListener('jp-confirmed', () => fired++);
    await mount(html`${el}`);
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je već potvrđena');
    expect(el.textContent).to.contain('Vaš nalog je aktivan');
    expect(el.querySelector('[role=alert]')).to.equal(null);
    const login = el.querySelector<HTMLAnchorElement>('a[href="#prijava"]')!;
    expect([login.textContent, login.className]).to.deep.equal(['Ulogujte se', 'jp-button']);
    const asked = oneEvent(el, 'jp-navigate');
    login.click();
    expect((await asked).detail.view).to.equal('login');
    expect(fired).to.equal(0);
  });

  it('a failed request on the way can be tried again', async () => {
    answer({
      'POST /api/confirm': () => ({
        status: 503,
        body: { error: { code: 'service_unavailable' } },
        headers: { 'retry-after': '5' },
      }),
    });
    const el = await mount(html`<jp-confirm token=${TOKEN}></jp-confirm>`);
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('preopterećen');
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    buttonByText(el, 'Pokušajte ponovo').click();
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je potvrđena');
  });
});
