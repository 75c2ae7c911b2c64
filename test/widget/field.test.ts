// field.ts and new-password.ts: "Prikaži lozinku" on every password field (a button named for
// what it does next, "Sakrij lozinku" while shown; only the input's type changes, so autocomplete and the name stay for
// password managers; hidden again before sending), and a new password's rule and live check
// (length and the common list from the contract).
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-reset-password.ts';
import '../../widget/src/jp-register.ts';
import { fieldText } from '../../widget/src/messages.ts';
import { FIELD_CODES } from '../../contract/errors.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { passwordCheck } from '../../widget/src/new-password.ts';
import { PASSWORD_MIN_LENGTH } from '../../contract/passwords.ts';
import { answer, axeViolations, byLabel, settle } from './helpers.ts';

const toggleOf = (input: HTMLInputElement) => input.parentElement!.querySelector<HTMLButtonElement>('button.jp-show')!;
const type = async (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await settle();
};

describe('the password toggle', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('shows and hides the password of its own field; the name and autocomplete stay', async () => {
    const el = await mount(html`<jp-login></jp-login>`);
    const input = byLabel(el, 'Lozinka');
    const toggle = toggleOf(input);
    expect(toggle.textContent).to.equal('Prikaži lozinku');
    expect(toggle.type).to.equal('button');
    // Its name follows its state (no aria-pressed beside a changing name).
    expect(toggle.hasAttribute('aria-pressed')).to.equal(false);
    toggle.click();
    expect([input.type, toggle.textContent]).to.deep.equal(['text', 'Sakrij lozinku']);
    expect([input.name, input.autocomplete]).to.deep.equal(['password', 'current-password']);
    toggle.click();
    expect([input.type, toggle.textContent]).to.deep.equal(['password', 'Prikaži lozinku']);
    // The e-mail field has none.
    expect(byLabel(el, 'E-mail adresa').parentElement!.querySelector('.jp-show')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a re-render keeps what the resident chose', async () => {
    const el = await mount(html`<jp-login></jp-login>`);
    const input = byLabel(el, 'Lozinka');
    toggleOf(input).click();
    (el as HTMLElementTagNameMap['jp-login']).requestUpdate();
    await settle();
    expect([input.type, toggleOf(input).textContent]).to.deep.equal(['text', 'Sakrij lozinku']);
  });

  it('hides the password again when the form is sent (a browser offers to save password fields)', async () => {
    answer({ 'POST /api/login': () => ({ status: 401, body: { error: { code: 'invalid_credentials' } } }) });
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    const input = byLabel(el, 'Lozinka');
    input.value = 'neka duga lozinka';
    toggleOf(input).click();
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Pogrešna e-mail adresa ili lozinka.');
    expect([input.type, toggleOf(input).textContent]).to.deep.equal(['password', 'Prikaži lozinku']);
  });
});

describe('a new password', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('states the rule under the field and checks as the resident types', async () => {
    const el = await mount(html`<jp-reset-password token=${'R'.repeat(43)}></jp-reset-password>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Postavite novu lozinku');
    const input = byLabel(el, 'Nova lozinka');
    expect(input.autocomplete).to.equal('new-password');
    expect(toggleOf(input)).to.exist;
    const hint = el.querySelector(`#${input.id}-hint`)!;
    expect(hint.textContent).to.equal(
      `Najmanje ${PASSWORD_MIN_LENGTH} znakova. Najlakše je zapamtiti nekoliko nepovezanih reči.`,
    );
    expect(el.querySelector(`#${input.id}-live`)).to.equal(null);
    const live = () => el.querySelector(`#${input.id}-live`)!;
    await type(input, 'sunce');
    expect(live().textContent).to.equal(`Još ${PASSWORD_MIN_LENGTH - 5} znakova (najmanje ${PASSWORD_MIN_LENGTH}).`);
    // The count's noun in its Serbian form: "Još 2 znaka (najmanje 12).", "Još 1 znak (najmanje 12).".
    await type(input, 's'.repeat(PASSWORD_MIN_LENGTH - 2));
    expect(live().textContent).to.equal(`Još 2 znaka (najmanje ${PASSWORD_MIN_LENGTH}).`);
    await type(input, 's'.repeat(PASSWORD_MIN_LENGTH - 1));
    expect(live().textContent).to.equal(`Još 1 znak (najmanje ${PASSWORD_MIN_LENGTH}).`);
    expect(input.getAttribute('aria-describedby')).to.contain(`${input.id}-live`).and.contain(`${input.id}-hint`);
    await type(input, 'lozinkalozinka');
    expect(live().textContent).to.contain('previše česta');
    expect(live().querySelector('.jp-bad')).to.exist;
    await type(input, 'Лозинка2026!!!');
    expect(live().textContent).to.contain('previše česta');
    await type(input, 'sunce nad sremom 42');
    expect(live().textContent).to.equal('✓ Dužina je dobra i lozinka nije među čestim lozinkama.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('the check is the contract’s: the utility’s own name counts as common', () => {
    expect(passwordCheck('')).to.equal(null);
    expect(passwordCheck('a'.repeat(PASSWORD_MIN_LENGTH - 1))!.tone).to.equal('todo');
    expect(passwordCheck('JP Stambeno Ruma 2026')!.tone).to.equal('bad');
    expect(passwordCheck('x'.repeat(200))!.tone).to.equal('bad');
    expect(passwordCheck('kiša pada na ravnicu')!.tone).to.equal('ok');
  });

  it('the server’s word on the field replaces the live line until the next keystroke', async () => {
    answer({
      'POST /api/password/reset': () => ({
        status: 422,
        body: { error: { code: 'validation_failed', fields: { password: 'password_contains_personal' } } },
      }),
    });
    const el = await mount(html`<jp-reset-password token=${'R'.repeat(43)}></jp-reset-password>`);
    const input = byLabel(el, 'Nova lozinka');
    await type(input, 'milica jovanovic 1950');
    el.querySelector('form')!.requestSubmit();
    await settle();
    expect(el.querySelector(`#${input.id}-err`)!.textContent).to.equal(
      'Lozinka ne sme sadržati Vaše ime, e-mail adresu ili šifru potrošača.',
    );
    expect(el.querySelector(`#${input.id}-live`)).to.equal(null);
    await type(input, 'milica jovanovic 19501');
    expect(el.querySelector(`#${input.id}-err`)).to.equal(null);
    expect(el.querySelector(`#${input.id}-live`)).to.exist;
  });
});

describe('words for every field code', () => {
  it('once the views that get them are loaded, no code a form can provoke reads as the generic words', () => {
    const generic = fieldText('a code nobody knows');
    // The codes a resident's form never provokes (messages.ts GenericField) keep the generic words.
    const never = ['invalid_body', 'invalid_type', 'invalid_locale', 'invalid_token', 'not_a_pdf'];
    const missing = FIELD_CODES.filter((c) => !never.includes(c) && fieldText(c) === generic);
    expect(missing).to.deep.equal([]);
  });
});
