// <jp-register>: the fields, the e-mail bills choice and the consent; consumer errors; the
// notice after registering with a way to resend the link.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-register.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, byLabel, submit, frames } from './helpers.ts';

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

  it('shows the notice with a way to resend after registering', async () => {
    answer({
      'POST /api/register': () => ({ status: 202, body: { status: 'confirmation_sent' } }),
      'POST /api/register/resend': () => ({ status: 202 }),
    });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    const registered = oneEvent(el, 'registered');
    await submit(el);
    expect((await registered).detail.email).to.equal('milica@example.com');
    expect(el.querySelector('h2')!.textContent).to.equal('Proverite e-mail');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    el.querySelector<HTMLButtonElement>('button')!.click();
    await frames();
    expect(calls.at(-1)!.path).to.equal('/api/register/resend');
    expect(el.querySelector('[role=status]')!.textContent).to.contain('novi link');
  });
});
