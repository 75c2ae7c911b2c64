// The answers that send a resident to the utility show its contact (from config/utility.json);
// "a link was already sent a moment ago"; the words for the newer codes; the login form never
// shows the contact.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-register.ts';
import '../../widget/src/jp-forgot-password.ts';
import '../../widget/src/jp-confirm.ts';
import '../../widget/src/jp-settings.ts';
import utility from '../../config/utility.json' with { type: 'json' };
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, buttonByText, refuse, settle, until } from './helpers.ts';
import { resendTiming } from '../../widget/src/jp-register-sent.ts';

const fill = (el: Element, values: Record<string, string>) => {
  for (const [name, value] of Object.entries(values))
    el.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value = value;
};
const register = async (el: Element) => {
  fill(el, {
    name: 'Milica Jovanović',
    email: "o'brien+racuni@example.com",
    password: 'sunce nad sremom',
    'consumer-code': '104521',
    pin: '4821',
  });
  el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
  el.querySelector('form')!.requestSubmit();
  await settle();
};
const contact = (el: Element) => el.querySelector('.jp-contact');

describe("the utility's contact where a resident is stuck", () => {
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => setLocale('sr-Latn'));

  it('a locked consumer code: what happened, whom to call, from the configuration; axe-clean', async () => {
    answer({ 'POST /api/register': refuse(423, 'consumer_locked') });
    const el = await mount(html`<jp-register></jp-register>`);
    await register(el);
    expect(calls[0].body?.email).to.equal("o'brien+racuni@example.com");
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('zaključana').and.contain('preduzeće');
    const card = contact(el)!;
    expect(card.textContent)
      .to.contain(utility.contact.phone)
      .and.contain(utility.contact.email)
      .and.contain(utility.contact.address)
      .and.contain(utility.contact.hours['sr-Latn'])
      .and.contain(utility.name);
    expect(card.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal(`tel:${utility.contact.tel}`);
    expect(card.querySelector('a[href^="mailto:"]')!.getAttribute('href')).to.equal(`mailto:${utility.contact.email}`);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('in Cyrillic, the configured address and hours in Cyrillic too', async () => {
    answer({ 'POST /api/register': refuse(423, 'consumer_locked') });
    const el = await mount(html`<jp-register lang="sr-Cyrl"></jp-register>`);
    await settle();
    await register(el);
    const card = contact(el)!;
    expect(card.textContent)
      .to.contain('Рума, Главна 1')
      .and.contain('радним даном од 7 до 15 часова')
      .and.contain('Телефон');
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('закључана');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('too many attempts while registering: when to try again, and the contact', async () => {
    answer({ 'POST /api/register': refuse(429, 'too_many_attempts', { 'retry-after': '900' }) });
    const el = await mount(html`<jp-register></jp-register>`);
    await register(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Previše pokušaja. Pokušajte ponovo za 15 min. Ako niste sigurni da su šifra potrošača i PIN tačni, javite nam se.',
    );
    expect(contact(el)).to.exist;
  });

  it('a daily limit is said as a time of day, not as hundreds of minutes', async () => {
    answer({ 'POST /api/register': refuse(429, 'too_many_attempts', { 'retry-after': String(20 * 3600) }) });
    const el = await mount(html`<jp-register></jp-register>`);
    await register(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.match(
      /^Previše pokušaja\. Pokušajte ponovo (sutra )?posle \d\d:\d\d\./,
    );
  });

  it('a code someone else registered: who it may be, and the contact; gone on the next try', async () => {
    answer({ 'POST /api/register': refuse(409, 'consumer_already_registered') });
    const el = await mount(html`<jp-register></jp-register>`);
    await register(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('Ako ne znate ko je registrovao nalog');
    expect(contact(el)).to.exist;
    answer({ 'POST /api/register': refuse(400, 'invalid_consumer_credentials') });
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Šifra potrošača ili PIN nije tačan. Proverite ih na svom računu.',
    );
    expect(contact(el)).to.equal(null);
  });

  it('another registration for the code confirmed first (409 at /api/confirm): the contact', async () => {
    answer({ 'POST /api/confirm': refuse(409, 'consumer_already_registered') });
    const el = await mount(html`<jp-confirm token=${'A'.repeat(43)}></jp-confirm>`);
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('već postoji nalog');
    expect(contact(el)).to.exist;
  });

  it('settings: a locked code when linking shows the contact; a taken address has words of its own', async () => {
    answer({
      'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
      'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
      'POST /api/account/consumers/link': refuse(423, 'consumer_locked'),
      'POST /api/account/email': refuse(409, 'email_taken'),
    });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await settle();
    const form = (input: string) => el.querySelector(`input[name=${input}]`)!.closest('form')!;
    fill(el, { 'consumer-code': '104525', pin: '9034' });
    form('consumer-code').requestSubmit();
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('zaključana');
    expect(contact(el)).to.exist;
    fill(el, { 'new-email': 'zauzeta@example.com', 'email-password': 'moja lozinka' });
    form('new-email').requestSubmit();
    await settle();
    // Each settings form has its own status beside it.
    const section = form('new-email').closest('section')!;
    expect(section.querySelector('[role=alert]')!.textContent).to.equal(
      'Ova e-mail adresa već pripada drugom nalogu na portalu. Izaberite drugu adresu.',
    );
    expect(contact(section)).to.equal(null);
  });

  it('the login says nothing of the contact, and only too many attempts', async () => {
    answer({ 'POST /api/login': refuse(429, 'too_many_attempts', { 'retry-after': '120' }) });
    const el = await mount(html`<jp-login></jp-login>`);
    fill(el, { email: 'milica@example.com', password: 'neka lozinka' });
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Previše pokušaja. Pokušajte ponovo za 2 min.');
    expect(contact(el)).to.equal(null);
  });
});

describe('a link already sent a moment ago (202 recently_sent)', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('forgotten password: says so, with the spam folder and to wait', async () => {
    answer({ 'POST /api/password/forgot': () => ({ status: 202, body: { status: 'recently_sent' } }) });
    const el = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    fill(el, { email: 'milica@example.com' });
    el.querySelector('form')!.requestSubmit();
    await settle();
    const status = el.querySelector('[role=status]')!.textContent!;
    expect(status)
      .to.contain('već poslali pre nekoliko trenutaka')
      .and.contain('fasciklu za neželjenu poštu')
      .and.contain('nekoliko minuta');
  });

  it('forgotten password, accepted: the usual words', async () => {
    answer({ 'POST /api/password/forgot': () => ({ status: 202, body: { status: 'accepted' } }) });
    const el = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    fill(el, { email: 'ana+racuni@example.com' });
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(calls[0].body?.email).to.equal('ana+racuni@example.com');
    expect(el.querySelector('[role=status]')!.textContent).to.contain('Link važi 1 sat');
  });

  it('registration, "send the link again": says so', async () => {
    answer({
      'POST /api/register': () => ({ status: 202, body: { status: 'confirmation_sent' } }),
      'POST /api/register/resend': () => ({ status: 202, body: { status: 'recently_sent' } }),
    });
    resendTiming.afterS = 0;
    const el = await mount(html`<jp-register></jp-register>`);
    await register(el);
    resendTiming.afterS = 120;
    buttonByText(el, 'Pošaljite ponovo').click();
    await settle();
    expect(el.querySelector('[role=status]')!.textContent).to.contain('već poslali pre nekoliko trenutaka');
  });
});

describe('the "Pomoć" block', () => {
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => setLocale('sr-Latn'));

  const aid = async (el: Element) => {
    await until(() => el.querySelector('.jp-aid'), 'the help block');
    return el.querySelector('.jp-aid')!;
  };

  it('under every view standing alone: whom to call, when, where to write, and the manual', async () => {
    answer({ 'POST /api/confirm': refuse(400, 'invalid_token') });
    for (const view of [
      html`<jp-login></jp-login>`,
      html`<jp-register></jp-register>`,
      html`<jp-forgot-password></jp-forgot-password>`,
      html`<jp-reset-password token=${'R'.repeat(43)}></jp-reset-password>`,
      html`<jp-confirm token=${'C'.repeat(43)}></jp-confirm>`,
    ]) {
      const el = await mount(view);
      const block = await aid(el);
      expect(block.querySelector('h3')!.textContent, el.localName).to.equal('Pomoć');
      expect(block.getAttribute('aria-labelledby')).to.equal(block.querySelector('h3')!.id);
      expect(block.querySelector('a[href^="tel:"]')!.textContent).to.equal(utility.contact.phone);
      expect(block.querySelector('a[href^="mailto:"]')!.textContent).to.equal(utility.contact.email);
      expect(block.textContent).to.contain(utility.contact.hours['sr-Latn']);
      expect([...block.querySelectorAll('.jp-links a')].map((a) => a.getAttribute('href'))).to.deep.equal([
        utility.manual.href,
        utility.privacy.href,
        utility.terms.href,
      ]);
      expect(await axeViolations(el), el.localName).to.deep.equal([]);
    }
  });

  it('once in the portal, whatever view it shows; the site’s own pages from its attributes', async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const portal = await mount(html`<jp-portal manual-href="/pomoc.html"></jp-portal>`);
    await aid(portal);
    await settle();
    expect(portal.querySelectorAll('.jp-aid')).to.have.length(1);
    expect(portal.querySelector('.jp-aid .jp-links a')!.getAttribute('href')).to.equal('/pomoc.html');
    portal
      .querySelector('jp-login')!
      .dispatchEvent(new CustomEvent('jp-navigate', { detail: { view: 'register' }, bubbles: true, composed: true }));
    await until(() => portal.querySelector('jp-register h2'), 'the registration view');
    await settle();
    expect(portal.querySelectorAll('.jp-aid')).to.have.length(1);
  });

  it('in Cyrillic: the hours in Cyrillic', async () => {
    const el = await mount(html`<jp-login lang="sr-Cyrl"></jp-login>`);
    await settle();
    const block = await aid(el);
    await settle();
    expect(block.querySelector('h3')!.textContent).to.equal('Помоћ');
    expect(block.textContent).to.contain('радним даном од 7 до 15 часова');
  });

  it('a forgotten password sent: what to do when no mail comes, with the contact', async () => {
    answer({ 'POST /api/password/forgot': () => ({ status: 202, body: { status: 'accepted' } }) });
    const el = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    expect(el.querySelector('details')).to.equal(null);
    fill(el, { email: 'milica@example.com' });
    el.querySelector('form')!.requestSubmit();
    await settle();
    const noMail = el.querySelector('details')!;
    expect(noMail.querySelector('summary')!.textContent).to.equal('Poruka ne stiže?');
    expect(noMail.textContent).to.contain('fasciklu za neželjenu poštu');
    expect(contact(noMail)!.textContent).to.contain(utility.contact.phone);
  });

  it('an expired reset link: says so, offers a new link, no form to fill in vain', async () => {
    answer({ 'POST /api/password/reset': refuse(400, 'invalid_token') });
    const el = await mount(html`<jp-reset-password token=${'R'.repeat(43)}></jp-reset-password>`);
    fill(el, { password: 'sunce nad sremom 42' });
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector('h2')!.textContent).to.equal('Link više ne važi');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    expect(el.querySelector('form')).to.equal(null);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'Link nije ispravan, već je iskorišćen ili je istekao.',
    );
    const again = el.querySelector<HTMLAnchorElement>('a[href="#zaboravljena-lozinka"]')!;
    expect(again.textContent).to.equal('Zatražite novi link');
  });
});
