// <jp-register>: "Registracija naloga" — name, e-mail, password, consumer code and PIN from
// the bill, e-mail bills (on by default), consent to the terms and the privacy statement.
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { registerStyles } from './jp-register.styles.js';
import { field, checkbox, statusLine, formValues } from './field.js';
import { addFieldTexts, failureText } from './messages.js';
import { helpText, needsContact, contactCard, recentlySentText, helpStyles } from './help.js';
import { registerSchema, schemaOptions } from './validation.js';
import { NewPassword, newPasswordStyles } from './new-password.js';
import { utility } from './utility.js';
import { billFigure } from './bill-figure.js';
import { getLocale } from './localize.js';
import type { StatusAnswer } from '../../contract/responses.ts';

const schema = registerSchema(schemaOptions);
addFieldTexts({ must_accept: () => msg('Za registraciju je potrebna Vaša saglasnost.') });

export class JpRegister extends JpElement {
  static properties = { sentTo: { state: true }, help: { state: true } };
  static styles = [JpElement.styles, registerStyles, helpStyles, newPasswordStyles];
  private sentTo = '';
  /** The code of the last answer when it sends the resident to the utility (its contact is shown). */
  private help = '';
  private form = new FormController(this);
  private password = new NewPassword(this);

  private describe = (f: Parameters<typeof helpText>[0]) => {
    this.help = needsContact(f, true) ? f.code : '';
    return helpText(f, true);
  };

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    const input = {
      name: v.text('name'),
      email: v.text('email'),
      password: v.text('password'),
      consumerCode: v.text('consumer-code'),
      pin: v.text('pin'),
      emailBills: v.checked('email-bills'),
      acceptTerms: v.checked('accept-terms') || undefined,
      locale: getLocale(),
    };
    this.help = '';
    const value = await this.form.valid(schema, input);
    if (!value) return;
    await this.form.submit(async () => {
      await this.call('POST', '/api/register', value);
      this.form.fields = {};
      this.sentTo = value.email;
      emit(this, 'jp-registered', { email: value.email });
      await this.updateComplete;
      this.focusHeading();
    }, this.describe);
  }

  private async resend() {
    await this.form.submit(async () => {
      // 202 {status: 'recently_sent'}: a link went to this address a moment ago; no new mail.
      const r = await this.call<StatusAnswer<'mailRequest'> | undefined>('POST', '/api/register/resend', {
        email: this.sentTo,
      });
      this.form.status = {
        kind: 'good',
        text: r?.status === 'recently_sent' ? recentlySentText() : msg('Poslali smo novi link za potvrdu.'),
      };
    }, failureText);
  }

  render() {
    if (this.sentTo) return this.renderSent();
    const f = this.form.fields;
    const id = this.id$;
    const terms = this.getAttribute('terms-href') ?? utility.terms.href;
    const privacy = this.getAttribute('privacy-href') ?? utility.privacy.href;
    return html`<h2 tabindex="-1">${msg('Registracija naloga')}</h2>
      <p>${msg('Već imate nalog?')} <a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>
      <form method="post" action="#" novalidate @submit=${this.onSubmit}>
        ${field({ id: `${id}-name`, name: 'name', label: msg('Ime i prezime'), autocomplete: 'name', error: f.name })}
        ${field({ id: `${id}-email`, name: 'email', label: msg('E-mail adresa'), type: 'email', autocomplete: 'email', error: f.email })}
        ${this.password.render({ id: `${id}-password`, name: 'password', label: msg('Lozinka'), error: f.password })}
        ${field({ id: `${id}-code`, name: 'consumer-code', label: msg('Šifra potrošača'), autocomplete: 'off', inputmode: 'numeric', error: f.consumerCode, hint: msg('Nalazi se u gornjem levom uglu računa.') })}
        ${field({ id: `${id}-pin`, name: 'pin', label: msg('PIN'), autocomplete: 'off', inputmode: 'numeric', error: f.pin, hint: msg('Nalazi se u gornjem desnom uglu računa, ispod adrese potrošača.') })}
        <details class="jp-help"><summary>${msg('Gde se nalaze šifra potrošača i PIN?')}</summary>${billFigure(`${id}-fig`)}</details>
        ${checkbox({ id: `${id}-bills`, name: 'email-bills', checked: true, label: msg('Slanje računa na e-mail') })}
        ${checkbox({
          id: `${id}-terms`,
          name: 'accept-terms',
          error: f.acceptTerms,
          label: html`${msg('Prihvatam')} <a href=${terms} target="_blank" rel="noopener">${msg('Uslove korišćenja')}</a> ${msg('i')} <a href=${privacy} target="_blank" rel="noopener">${msg('Izjavu o privatnosti')}</a>`,
        })}
        ${statusLine(this.form.status)}
        ${this.help ? contactCard() : nothing}
        ${
          this.help === 'consumer_already_registered'
            ? html`<p class="jp-row"><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a>
              <a href="#zaboravljena-lozinka" @click=${this.navigate('forgot')}>${msg('Zaboravili ste lozinku?')}</a></p>`
            : nothing
        }
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Registracija')}</button>
      </form>
      <details class="jp-help"><summary>${msg('Kratko uputstvo za registraciju')}</summary>
        <p>${msg('Popunite tražena polja: ime i prezime, e-mail, lozinku, šifru potrošača (nalazi se na računu) i PIN (nalazi se na računu), izaberite da li želite da račun primate putem e-maila (a ne poštom u papirnom obliku) i potvrdite (Registracija).')}</p>
        <p>${msg('Otvorite e-mail koji ste naveli u registraciji. Dobićete poruku sa linkom za potvrdu registracije; klikom na link potvrđujete registraciju.')}</p>
        <p>${msg('Nakon toga možete se ulogovati na portal.')}</p>
      </details>`;
  }

  private renderSent() {
    return html`<h2 tabindex="-1">${msg('Proverite e-mail')}</h2>
      <p>${msg('Ako su podaci ispravni, na adresu')} <strong>${this.sentTo}</strong> ${msg('stiže poruka sa linkom za potvrdu registracije. Kliknite na link da biste završili registraciju.')}</p>
      ${statusLine(this.form.status)}
      <div class="jp-row">
        <button type="button" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.resend}>${msg('Pošaljite link ponovo')}</button>
        <a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a>
      </div>`;
  }
}

define('jp-register', JpRegister);

declare global {
  interface HTMLElementTagNameMap {
    'jp-register': JpRegister;
  }
}
