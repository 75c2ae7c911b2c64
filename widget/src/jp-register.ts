// <jp-register>: "Registracija naloga" — the short guide first, then name, e-mail, password,
// consumer code and PIN from the bill, e-mail bills (on by default), consent to the terms and the
// privacy statement; then "Proverite e-mail" (jp-register-sent.ts).
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { registerStyles } from './jp-register.styles.js';
import { field, checkbox, statusLine, formValues } from './field.js';
import { addFieldTexts } from './messages.js';
import {
  helpText,
  needsContact,
  contactCard,
  helpStyles,
  codeFormatText,
  pinFormatText,
  codeInputMode,
  pinInputMode,
  missing,
} from './help.js';
import { CheckMail } from './jp-register-sent.js';
import { registerSchema, schemaOptions } from './validation.js';
import { NewPassword, newPasswordStyles } from './new-password.js';
import { utility } from './utility.js';
import { billFigure, printedAtText } from './bill-figure.js';
import { getLocale } from './localize.js';

const schema = registerSchema(schemaOptions);
addFieldTexts({ must_accept: () => msg('Za registraciju je potrebna Vaša saglasnost.') });

/** Registration with the consumer code and PIN from the bill. */
export class JpRegister extends JpElement {
  static properties = { help: { state: true } };
  static styles = [JpElement.styles, registerStyles, helpStyles, newPasswordStyles];
  private sent = new CheckMail(this);
  /** What was typed last, and what to put back after "Registrujte se ponovo". */
  private last?: Record<string, string>;
  private refill?: Record<string, string>;
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
    this.last = Object.fromEntries(new FormData(e.currentTarget as HTMLFormElement)) as Record<string, string>;
    const value = await this.form.valid(schema, input);
    if (!value) return;
    await this.form.submit(async () => {
      await this.call('POST', '/api/register', value);
      this.form.fields = {};
      this.sent.sent(value.email);
      emit(this, 'jp-registered', { email: value.email });
      await this.updateComplete;
      this.focusHeading();
    }, this.describe);
  }

  render() {
    if (this.sent.email) return html`${this.sent.render()}${this.helpBlock()}`;
    const f = this.form.fields;
    const id = this.id$;
    const terms = this.getAttribute('terms-href') ?? utility.terms.href;
    const privacy = this.getAttribute('privacy-href') ?? utility.privacy.href;
    return html`<h2 tabindex="-1">${msg('Registracija naloga')}</h2>
      <p>${msg('Već imate nalog?')} <a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>
      <details class="jp-help jp-guide"><summary>${msg('Kratko uputstvo za registraciju')}</summary>
        <p>${msg('Popunite tražena polja: ime i prezime, e-mail, lozinku, šifru potrošača (nalazi se na računu) i PIN (nalazi se na računu), izaberite da li želite da račun primate putem e-maila (a ne poštom u papirnom obliku) i potvrdite (Registracija).')}</p>
        <p>${msg('Otvorite e-mail koji ste naveli u registraciji. Dobićete poruku sa linkom za potvrdu registracije; klikom na link potvrđujete registraciju.')}</p>
        <p>${msg('Nakon toga možete se ulogovati na portal.')}</p>
      </details>
      <form method="post" action="#" novalidate @submit=${this.onSubmit}>
        ${field({ id: `${id}-name`, name: 'name', label: msg('Ime i prezime'), autocomplete: 'name', error: missing(f.name, 'name') })}
        ${field({ id: `${id}-email`, name: 'email', label: msg('E-mail adresa'), type: 'email', autocomplete: 'email', error: missing(f.email, 'email') })}
        ${this.password.render({ id: `${id}-password`, name: 'password', label: msg('Lozinka'), error: missing(f.password, 'password') })}
        ${field({ id: `${id}-code`, name: 'consumer-code', label: msg('Šifra potrošača'), autocomplete: 'off', inputmode: codeInputMode(), error: missing(f.consumerCode, 'code'), invalid: codeFormatText(), hint: printedAtText(utility.consumerCode.printedAt) })}
        ${field({ id: `${id}-pin`, name: 'pin', label: msg('PIN'), autocomplete: 'off', inputmode: pinInputMode(), error: missing(f.pin, 'pin'), invalid: pinFormatText(), hint: printedAtText(utility.pin.printedAt) })}
        <details class="jp-help"><summary>${msg('Gde se nalaze šifra potrošača i PIN?')}</summary>${billFigure(`${id}-fig`)}</details>
        ${checkbox({ id: `${id}-bills`, name: 'email-bills', checked: true, label: msg('Slanje računa na e-mail') })}
        ${checkbox({
          id: `${id}-terms`,
          name: 'accept-terms',
          error: f.acceptTerms,
          label: html`${msg('Prihvatam')} <a href=${terms} target="_blank" rel="noopener">${msg('Uslove korišćenja')}</a> ${msg('i')} <a href=${privacy} target="_blank" rel="noopener">${msg('Izjavu o privatnosti')}</a>`,
        })}
        ${statusLine(this.form.status)}
        ${this.stuck ? contactCard(this.help === 'consumer_already_registered' ? this.bring() : undefined) : nothing}
        ${
          this.stuck && this.help === 'consumer_already_registered'
            ? html`<p class="jp-row"><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a>
              <a href="#zaboravljena-lozinka" @click=${this.navigate('forgot')}>${msg('Zaboravili ste lozinku?')}</a></p>`
            : nothing
        }
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Registracija')}</button>
      </form>
      ${this.helpBlock()}`;
  }

  /** The answer that sent the resident to the utility is still shown (an edit clears it, and the contact with it). */
  private get stuck() {
    return !!this.help && this.form.status?.kind === 'bad';
  }

  /** What to bring to the office when someone else registered the code. */
  private bring() {
    return html`<p class="jp-bring">${msg('Ako dolazite lično, ponesite račun (na njemu su šifra potrošača i PIN) i ličnu kartu.')}</p>`;
  }

  /** Back from "Proverite e-mail" to the form, with what was typed (a mistyped address). */
  again() {
    this.refill = this.last;
    this.requestUpdate();
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('input[name=email]')?.focus());
  }

  updated() {
    if (!this.refill) return;
    for (const [name, value] of Object.entries(this.refill)) {
      const input = this.querySelector<HTMLInputElement>(`input[name=${name}]`);
      if (input && input.type !== 'checkbox') input.value = value;
    }
    this.refill = undefined;
  }
}

define('jp-register', JpRegister);

declare global {
  interface HTMLElementTagNameMap {
    'jp-register': JpRegister;
  }
}
