// <jp-login-code>: "Prijava kodom iz e-maila" — the e-mail address, then the 6-digit code from the
// mail (valid 10 minutes; "Pošaljite ponovo" once the server's gap between two mails has passed),
// "Zapamti me", and the resident is logged in (jp-login, as after a password). The e-mail typed on
// the login is already in its field (typed-email.ts); the wait before "Pošaljite ponovo" in
// minutes (minutes.ts). Invariant: the answer to "send" says the same whether or not the address
// has an account.
import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { checkbox, field, formValues, statusLine } from './field.js';
import { failureText, fieldText } from './messages.js';
import { getLocale } from './localize.js';
import { loginCodeRequestSchema, loginCodeSchema } from './validation.js';
import { contactCard, helpStyles, missing } from './help.js';
import { resendTiming } from './jp-register-sent.js';
import { registerStyles } from './jp-register.styles.js';
import './passkeys.js';
import { carryEmail } from './typed-email.js';
import { inMinutes } from './minutes.js';
import type { AccountAnswer, StatusAnswer } from '../../contract/responses.ts';

const schemas = { send: loginCodeRequestSchema(), login: loginCodeSchema() };

const codeStyles = css`
  .jp input.jp-code { font: inherit; font-size: 1.5rem; letter-spacing: .3em; width: 100%; max-width: 12rem;
    padding: .5rem .7rem; min-height: 2.75rem; border: 1px solid #6b6b6b; border-radius: 6px; background: #fff; color: #1a1a1a; }
  /* "Pošaljite ponovo" set apart from "Ulogujte se": two buttons stacked close are easily mistaken. */
  .jp .jp-code-form { margin-bottom: 1.5rem; }
  .jp input.jp-code[aria-invalid=true] { border: 2px solid var(--jp-error, #b00020); }
`;

/** Login with a code sent by e-mail (the address, then the 6-digit code). */
export class JpLoginCode extends JpElement {
  static properties = { email: { state: true }, left: { state: true } };
  static styles = [JpElement.styles, helpStyles, registerStyles, codeStyles];
  /** The address the code went to ('' while the first step is shown). */
  private email = '';
  /** Seconds until "Pošaljite ponovo". */
  private left = 0;
  private timer?: ReturnType<typeof setInterval>;
  private form = new FormController(this);

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected firstUpdated() {
    carryEmail(this);
  }

  private countdown() {
    clearInterval(this.timer);
    this.left = resendTiming.afterS;
    this.timer = setInterval(() => {
      if (--this.left <= 0) clearInterval(this.timer);
    }, 1000);
  }

  /** Asks for a code; `email` is the first step's input, or the address already shown (again). */
  private async send(email: string) {
    const value = await this.form.valid(schemas.send, { email, locale: getLocale() });
    if (!value) return;
    await this.form.submit(async () => {
      // 202 {status: 'recently_sent'}: a code went to this address a moment ago; no new mail.
      const r = await this.call<StatusAnswer<'mailRequest'> | undefined>('POST', '/api/login/code/send', value);
      const again = !!this.email;
      this.form.fields = {};
      this.email = value.email;
      this.countdown();
      this.form.status =
        r?.status === 'recently_sent'
          ? {
              kind: 'good',
              text: msg('Kod smo Vam već poslali pre nekoliko trenutaka. Proverite i fasciklu za neželjenu poštu.'),
            }
          : again
            ? { kind: 'good', text: msg('Poslali smo novi kod. Važi samo najnoviji kod.') }
            : null;
      await this.updateComplete;
      if (!again) this.focusHeading();
    }, failureText);
  }

  private onSend = (e: SubmitEvent) => {
    e.preventDefault();
    return this.send(formValues(e.currentTarget as HTMLFormElement).text('email'));
  };

  private onLogin = async (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    const value = await this.form.valid(schemas.login, {
      email: this.email,
      code: v.text('code'),
      remember: v.checked('remember'),
    });
    if (!value) return;
    await this.form.submit(async () => {
      const r = await this.call<AccountAnswer>('POST', '/api/login/code', value);
      clearInterval(this.timer);
      emit(this, 'jp-login', { account: r.account });
    }, failureText);
  };

  private back = (e: Event) => {
    e.preventDefault();
    clearInterval(this.timer);
    this.email = '';
    this.form.status = null;
    this.form.fields = {};
    void this.updateComplete.then(() => this.focusHeading());
  };

  private codeField() {
    const id = `${this.id$}-code`;
    const error = this.form.fields.code;
    return html`<div class="jp-field">
      <label for=${id}>${msg('Kod iz e-maila')}</label>
      <p class="jp-hint" id=${`${id}-hint`}>${msg('6 cifara, npr. 123456')}</p>
      <input id=${id} name="code" class="jp-code" type="text" inputmode="numeric" autocomplete="one-time-code"
        pattern="[0-9 ]*" maxlength="9" required aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-hint ${id}-err` : `${id}-hint`} />
      ${
        error
          ? html`<p class="jp-error" id=${`${id}-err`}>${error === 'invalid_format' ? msg('Kod ima tačno 6 cifara. Prepišite ga iz e-maila.') : fieldText(error)}</p>`
          : nothing
      }
    </div>`;
  }

  render() {
    if (!this.email) {
      return html`<h2 tabindex="-1">${msg('Prijava kodom iz e-maila')}</h2>
        <p>${msg('Bez lozinke: upišite e-mail adresu svog naloga i poslaćemo Vam kod od 6 cifara. Upišite kod ovde i bićete prijavljeni.')}</p>
        <form method="post" action="#" novalidate @submit=${this.onSend}>
          ${field({ id: `${this.id$}-email`, name: 'email', label: msg('E-mail adresa'), type: 'email', autocomplete: 'username', error: missing(this.form.fields.email, 'email') })}
          ${statusLine(this.form.status)}
          <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Pošaljite mi kod')}</button>
        </form>
        <p><a href="#prijava" @click=${this.navigate('login')}>${msg('Nazad na prijavu lozinkom')}</a></p>
        ${this.helpBlock()}`;
    }
    const wait = inMinutes(this.left);
    return html`<h2 tabindex="-1">${msg('Unesite kod iz e-maila')}</h2>
      <p>${msg('Poslali smo kod na adresu:')}</p>
      <p class="jp-address"><strong>${this.email}</strong></p>
      <p>${msg('Važi 10 minuta. Poruka obično stigne za minut ili dva.')}</p>
      <form class="jp-code-form" method="post" action="#" novalidate @submit=${this.onLogin}>
        <input type="email" name="username" autocomplete="username" .value=${this.email} hidden />
        ${this.codeField()}
        ${checkbox({ id: `${this.id$}-remember`, name: 'remember', label: msg('Zapamti me') })}
        ${statusLine(this.form.status)}
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Ulogujte se')}</button>
      </form>
      <p class="jp-row">
        <button type="button" class="jp-secondary" ?disabled=${this.left > 0} @click=${() => this.send(this.email)}>${msg('Pošaljite ponovo')}</button>
        ${
          // Beside the button, not in its name: a name that changes every second is read out again and again.
          this.left > 0 ? html`<span class="jp-hint">${msg(str`Novi kod možete zatražiti ${wait}.`)}</span>` : nothing
        }
      </p>
      <p>${msg('Pogrešna adresa?')} <a href="#kod-za-prijavu" @click=${this.back}>${msg('Unesite drugu adresu')}</a></p>
      <details class="jp-help"><summary>${msg('Kod ne stiže?')}</summary>
        <p>${msg('Pogledajte i fasciklu za neželjenu poštu i fasciklu „Promocije“. Kod stiže samo na adresu kojom ste se registrovali. Ako nalog još niste potvrdili, umesto koda stiže link za potvrdu: otvorite ga, pa se ulogujte.')}</p>
        ${contactCard()}
      </details>
      ${this.helpBlock()}`;
  }
}

define('jp-login-code', JpLoginCode);

declare global {
  interface HTMLElementTagNameMap {
    'jp-login-code': JpLoginCode;
  }
}
