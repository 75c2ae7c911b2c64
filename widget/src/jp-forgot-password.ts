// <jp-forgot-password>: asks for a reset link; the answer is the same for every address. The
// e-mail typed on the login is already in its field (typed-email.ts).
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { field, statusLine, formValues } from './field.js';
import { failureText } from './messages.js';
import { forgotSchema } from './validation.js';
import { getLocale } from './localize.js';
import { recentlySentText, contactCard, helpStyles, missing } from './help.js';
import { carryEmail } from './typed-email.js';
import type { StatusAnswer } from '../../contract/responses.ts';

const schema = forgotSchema();

/** Forgotten password: sends a link for a new one. */
export class JpForgotPassword extends JpElement {
  static properties = { sent: { state: true } };
  static styles = [JpElement.styles, helpStyles];
  private form = new FormController(this);
  /** A link was asked for: say what to do when no mail comes. */
  private sent = false;

  protected firstUpdated() {
    carryEmail(this);
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const value = await this.form.valid(schema, {
      email: formValues(e.currentTarget as HTMLFormElement).text('email'),
      locale: getLocale(),
    });
    if (!value) return;
    await this.form.submit(async () => {
      // 202 {status: 'recently_sent'}: this requester asked for this address a moment ago; no new mail.
      const r = await this.call<StatusAnswer<'mailRequest'> | undefined>('POST', '/api/password/forgot', value);
      this.form.fields = {};
      const text =
        r?.status === 'recently_sent'
          ? recentlySentText()
          : msg('Ako za ovu adresu postoji nalog, poslali smo link za promenu lozinke. Link važi 1 sat.');
      this.form.status = { kind: 'good', text };
      this.sent = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.jp-status')?.focus();
    }, failureText);
  }

  render() {
    return html`<h2 tabindex="-1">${msg('Zaboravljena lozinka')}</h2>
      <p>${msg('Unesite e-mail adresu naloga i poslaćemo Vam link za postavljanje nove lozinke.')}</p>
      <form method="post" action="#" novalidate @submit=${this.onSubmit}>
        ${field({ id: `${this.id$}-email`, name: 'email', label: msg('E-mail adresa'), type: 'email', autocomplete: 'username', error: missing(this.form.fields.email, 'email') })}
        ${statusLine(this.form.status)}
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Pošaljite link')}</button>
      </form>
      ${this.sent ? this.renderNoMail() : nothing}
      <p><a href="#prijava" @click=${this.navigate('login')}>${msg('Nazad na prijavu')}</a></p>
      ${this.helpBlock()}`;
  }

  private renderNoMail() {
    return html`<details class="jp-help"><summary>${msg('Poruka ne stiže?')}</summary>
      <p>${msg('Pogledajte i fasciklu za neželjenu poštu i fasciklu „Promocije“. Proverite da li je adresa tačna: link stiže samo na adresu kojom ste se registrovali.')}</p>
      <p>${msg('Ako se ne sećate adrese ili poruka ne stigne ni posle nekoliko minuta, pozovite nas ili pišite nam:')}</p>
      ${contactCard()}
    </details>`;
  }
}

define('jp-forgot-password', JpForgotPassword);

declare global {
  interface HTMLElementTagNameMap {
    'jp-forgot-password': JpForgotPassword;
  }
}
