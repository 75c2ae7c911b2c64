// <jp-register>: the guide before the form, the fields, the e-mail bills choice and the consent;
// consumer errors (a code in the wrong shape in words of its own, what to bring to the office);
// the "Proverite e-mail" step: the address, where to look, the 48 h, no doubt cast, "Pošaljite
// ponovo" after a countdown, "Registrujte se ponovo" back to the form as it was typed.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-register.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { resendTiming } from '../../widget/src/jp-register-sent.ts';
import { answer, calls, axeViolations, byLabel, submit, settle, buttonByText } from './helpers.ts';

const fillRegistration = (el: Element) => {
  byLabel(el, 'Ime i prezime').value = 'Milica Jovanović';
  byLabel(el, 'E-mail adresa').value = 'milica@example.com';
  byLabel(el, 'Lozinka').value = 'sunce nad sremom';
  byLabel(el, 'Šifra potrošača').value = '104521';
  byLabel(el, 'PIN').value = '4821';
};

describe('<jp-register>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('has the fields, the e-mail bills choice on by default and the consent', async () => {
    const el = await mount(html`<jp-register></jp-register>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija naloga');
    for (const l of ['Ime i prezime', 'E-mail adresa', 'Lozinka', 'Šifra potrošača', 'PIN', 'Slanje računa na e-mail'])
      expect(byLabel(el, l), l).to.exist;
    expect(byLabel(el, 'Slanje računa na e-mail').checked).to.equal(true);
    expect(byLabel(el, 'Lozinka').autocomplete).to.equal('new-password');
    expect(el.querySelector('svg[role=img] title')!.textContent).to.contain('gornjem levom uglu');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('names each missing entry by its field, not the generic "Ovo polje je obavezno."', async () => {
    const el = await mount(html`<jp-register></jp-register>`);
    await submit(el);
    const errors = [...el.querySelectorAll('.jp-error')].map((e) => e.textContent);
    expect(errors).to.include.members([
      'Upišite ime i prezime.',
      'Upišite e-mail adresu.',
      'Upišite lozinku.',
      'Upišite šifru potrošača.',
      'Upišite PIN.',
    ]);
    expect(errors).not.to.include('Ovo polje je obavezno.');
    expect(calls).to.have.length(0);
  });

  it('requires the consent and maps consumer errors', async () => {
    answer({ 'POST /api/register': () => ({ status: 409, body: { error: { code: 'consumer_already_registered' } } }) });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    await submit(el);
    expect(el.querySelector('.jp-error')!.textContent).to.contain('saglasnost');
    expect(calls).to.have.length(0);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    await submit(el);
    expect(calls[0].body).to.include({
      emailBills: true,
      acceptTerms: true,
      locale: 'sr-Latn',
      consumerCode: '104521',
    });
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('već postoji nalog');
  });

  it('puts the short guide before the form and the help block after it', async () => {
    const el = await mount(html`<jp-register></jp-register>`);
    const guide = el.querySelector('details.jp-guide')!;
    expect(guide.querySelector('summary')!.textContent).to.equal('Kratko uputstvo za registraciju');
    expect(guide.compareDocumentPosition(el.querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await settle();
    expect(el.querySelector('.jp-aid h3')!.textContent).to.equal('Pomoć');
  });

  it('says what a consumer code looks like when it has a letter, and the bill figure shows no real code', async () => {
    answer({});
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    byLabel(el, 'Šifra potrošača').value = '12a';
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    await submit(el);
    expect(calls).to.have.length(0);
    const code = byLabel(el, 'Šifra potrošača');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${code.id}-err`)!.textContent).to.equal(
      'Šifra potrošača sadrži samo cifre, npr. 104521.',
    );
    const figure = el.querySelector('svg.jp-bill-figure')!.textContent!;
    expect(figure).to.contain('123456').and.contain('1234').and.not.contain('104521').and.not.contain('4821');
  });

  it('a wrong code or PIN says how many tries are left; at the last one, whom to call', async () => {
    let attemptsLeft = 2;
    answer({
      'POST /api/register': () => ({
        status: 400,
        body: { error: { code: 'invalid_consumer_credentials', attemptsLeft } },
      }),
    });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Šifra potrošača ili PIN nije tačan. Preostalo pokušaja: 2. Proverite ih na svom računu.',
    );
    expect(el.querySelector('.jp-contact')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
    attemptsLeft = 0;
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('Preostalo pokušaja: 0.');
    expect(el.querySelector('.jp-contact')!.textContent).to.contain('022 000 000');
  });

  it('a code someone else registered: the contact, and what to bring to the office', async () => {
    answer({ 'POST /api/register': () => ({ status: 409, body: { error: { code: 'consumer_already_registered' } } }) });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    await submit(el);
    const contact = el.querySelector('.jp-contact')!;
    expect(contact.textContent).to.contain('022 000 000').and.contain('ličnu kartu').and.contain('račun');
    // Editing the form (another code) takes the old answer away, and the contact with it.
    const code = byLabel(el, 'Šifra potrošača');
    code.value = '104525';
    code.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await settle();
    expect(el.querySelector('[role=alert]')).to.equal(null);
    expect(el.querySelector('.jp-contact')).to.equal(null);
  });

  describe('after registering', () => {
    beforeEach(() => {
      answer({
        'POST /api/register': () => ({ status: 202, body: { status: 'confirmation_sent' } }),
        'POST /api/register/resend': () => ({ status: 202, body: { status: 'accepted' } }),
      });
    });
    afterEach(() => {
      resendTiming.afterS = 120;
    });
    const registered = async (email = 'milica@example.com') => {
      const el = await mount<HTMLElement>(html`<jp-register></jp-register>`);
      fillRegistration(el);
      byLabel(el, 'E-mail adresa').value = email;
      el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
      const event = oneEvent(el, 'registered');
      await submit(el);
      expect((await event).detail.email).to.equal(email);
      return el;
    };

    it('"Proverite e-mail": the address, where to look, how long, no doubt cast; axe clean', async () => {
      const el = await registered();
      expect(el.querySelector('h2')!.textContent).to.equal('Proverite e-mail');
      expect(document.activeElement).to.equal(el.querySelector('h2'));
      expect(el.querySelector('.jp-address')!.textContent).to.equal('milica@example.com');
      const text = el.textContent!;
      expect(text).to.contain('fasciklu za neželjenu poštu').and.contain('Promocije').and.contain('48 sati');
      expect(text).to.not.contain('Ako su podaci ispravni');
      expect(el.querySelector('details .jp-contact')!.textContent).to.contain('022 000 000');
      expect(await axeViolations(el)).to.deep.equal([]);
    });

    it('a long address wraps inside the card', async () => {
      const el = await registered(`${'jovana.petrovic-markovic'.repeat(2)}@primer-domena-stambeno.rs`);
      el.style.width = '300px';
      await settle();
      const address = el.querySelector<HTMLElement>('.jp-address')!;
      expect(address.scrollWidth).to.be.at.most(address.clientWidth);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    });

    it('"Pošaljite ponovo" waits for its countdown, then sends a new link', async () => {
      const el = await registered();
      const resend = () => buttonByText(el, 'Pošaljite ponovo');
      expect(resend().disabled).to.equal(true);
      expect(resend().parentElement!.textContent).to.contain('Novi link možete zatražiti za 2 minuta.');
      expect(calls).to.have.length(1);
      resendTiming.afterS = 0;
      el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!.click();
      await settle();
      el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
      await submit(el);
      await settle();
      expect(resend().disabled).to.equal(false);
      expect(resend().parentElement!.textContent).to.not.contain('Novi link možete');
      resend().click();
      await settle();
      expect(calls.at(-1)!.path).to.equal('/api/register/resend');
      expect(calls.at(-1)!.body).to.deep.equal({ email: 'milica@example.com' });
      expect(el.querySelector('[role=status]')!.textContent).to.contain('novi link');
    });

    it('"Pogrešna adresa? Registrujte se ponovo" goes back to the form as it was typed', async () => {
      const el = await registered('milica@exmaple.com');
      el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!.click();
      await settle();
      expect(el.querySelector('h2')!.textContent).to.equal('Registracija naloga');
      expect(byLabel(el, 'E-mail adresa').value).to.equal('milica@exmaple.com');
      expect(byLabel(el, 'Šifra potrošača').value).to.equal('104521');
      expect(byLabel(el, 'Ime i prezime').value).to.equal('Milica Jovanović');
      expect(document.activeElement).to.equal(byLabel(el, 'E-mail adresa'));
      expect(buttonByText(el, 'Registracija')).to.exist;
    });
  });
});
