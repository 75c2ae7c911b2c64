// <jp-confirm token="…">: confirms a registration from the mail's link at once; a new e-mail
// address (purpose="email", the #nova-adresa= link) only after a click on a button, so a mail
// scanner that opens links and runs their scripts changes nothing. A link cut short or mangled
// (a token not of the token's shape) is told at once like an expired one: "Registrujte se ponovo"
// and the utility's contact.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { statusLine } from './field.js';
import { helpText, needsContact, contactCard, helpStyles } from './help.js';
import type { ApiFailure } from './api.js';
import type { StatusAnswer } from '../../contract/responses.ts';
import { CONFIRM_LINK_HOURS, LINK_TOKEN } from '../../contract/links.ts';

type Result = 'ask' | 'pending' | StatusAnswer<'confirm'>['status'] | 'failed';

/**
 * Confirms a registration or a new e-mail address from the link in the mail.
 * @attr token - the token from the mail's link
 * @attr purpose - `registration` (default: confirmed on arrival) or `email` (a new address: confirmed by a button)
 */
export class JpConfirm extends JpElement {
  static properties = { token: {}, purpose: {}, result: { state: true }, failure: { state: true } };
  static styles = [JpElement.styles, helpStyles];
  token = '';
  purpose: 'registration' | 'email' = 'registration';
  private result: Result = 'pending';
  private failure = '';
  private form = new FormController(this);

  private get forEmail() {
    return this.purpose === 'email';
  }

  willUpdate() {
    if (this.hasUpdated) return;
    if (!LINK_TOKEN.test(this.token)) this.broken();
    else if (this.forEmail) this.result = 'ask';
  }

  async firstUpdated() {
    if (!this.forEmail && this.result === 'pending') await this.confirm();
  }

  /** The link cannot work (cut short, mangled, used or expired): the way on instead of a button. */
  private broken() {
    this.result = 'failed';
    this.failure = 'invalid_token';
    this.form.status = { kind: 'bad', text: helpText({ code: 'invalid_token' }) };
  }

  /** The link can still work: the request failed on the way (network, busy server). */
  private get retry() {
    return this.result === 'failed' && !['invalid_token', 'contact', 'email_taken'].includes(this.failure);
  }

  private async confirm() {
    this.result = 'pending';
    await this.form.submit(async () => {
      let r: StatusAnswer<'confirm'>;
      try {
        r = await this.call<StatusAnswer<'confirm'>>('POST', '/api/confirm', { token: this.token });
      } catch (e) {
        this.failed(e as ApiFailure);
        throw e;
      }
      this.result = r.status;
      // A link opened again confirms nothing new.
      if (r.status !== 'already_confirmed') emit(this, 'jp-confirmed', { status: r.status });
    }, helpText);
    // The form controller says nothing of a refused field (422): the link is said to be broken here.
    if (this.failure === 'invalid_token' && !this.form.status) this.broken();
    await this.updateComplete;
    this.focusHeading();
  }

  /** What a failed confirmation leaves to do; a token the server's schema refused (422) is a link that cannot work. */
  private failed(f: ApiFailure) {
    this.result = 'failed';
    this.failure = needsContact(f) ? 'contact' : f.fields?.token ? 'invalid_token' : f.code;
  }

  render() {
    const done = this.result === 'confirmed' || this.result === 'email_changed';
    const heading =
      this.result === 'confirmed'
        ? msg('Registracija je potvrđena')
        : this.result === 'already_confirmed'
          ? msg('Registracija je već potvrđena')
          : this.result === 'email_changed'
            ? msg('Nova e-mail adresa je potvrđena')
            : this.result === 'failed'
              ? msg('Potvrda nije uspela')
              : this.forEmail
                ? msg('Potvrda nove e-mail adrese')
                : msg('Potvrda registracije…');
    return html`<h2 tabindex="-1">${heading}</h2>
      ${this.forEmail && (this.result === 'ask' || this.result === 'pending') ? this.renderAsk() : nothing}
      ${
        this.result === 'already_confirmed'
          ? html`<p>${msg('Ovaj link ste već iskoristili i Vaš nalog je aktivan. Ulogujte se e-mail adresom i lozinkom.')}</p>`
          : done
            ? html`<p>${msg('Sada se možete ulogovati na portal.')}</p>`
            : statusLine(this.form.status)
      }
      ${this.retry ? this.button(this.forEmail ? msg('Potvrdite novu e-mail adresu') : msg('Pokušajte ponovo')) : nothing}
      ${this.result === 'failed' ? this.renderNext() : nothing}
      ${this.result === 'ask' ? nothing : this.renderLogin()}
      ${this.helpBlock()}`;
  }

  /** The way on: a button-like link once the account can be used, a plain link otherwise. */
  private renderLogin() {
    const ready = this.result === 'confirmed' || this.result === 'already_confirmed';
    return html`<p><a href="#prijava" class=${ready ? 'jp-button' : ''} @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>`;
  }

  private renderAsk() {
    return html`<p>${msg('Zatražili ste da ova adresa postane e-mail adresa Vašeg naloga. Promena važi tek kada je potvrdite dugmetom ispod.')}</p>
      <p>${msg('Ako niste Vi tražili promenu, samo zatvorite ovu stranicu: ništa se neće promeniti.')}</p>
      ${this.button(msg('Potvrdite novu e-mail adresu'))}`;
  }

  private button(label: string) {
    return html`<p><button type="button" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.confirm}>${label}</button></p>`;
  }

  /** What to do after a failed confirmation. */
  private renderNext() {
    if (this.failure === 'contact') return contactCard();
    if (this.failure !== 'invalid_token') return nothing;
    if (this.forEmail)
      return html`<p>${msg('Ako i dalje želite novu adresu, ulogujte se i zatražite promenu ponovo u podešavanjima naloga.')}</p>`;
    // Expired (48 h) or replaced by a newer registration: a new registration sends a new link.
    return html`<p>${msg(str`Link je verovatno istekao (važi ${CONFIRM_LINK_HOURS} sati) ili ste se u međuvremenu registrovali ponovo, pa važi samo najnoviji link. Registrujte se ponovo istom šifrom potrošača i PIN-om i otvorite novi link.`)}</p>
      <p><a href="#registracija" class="jp-button" @click=${this.navigate('register')}>${msg('Registrujte se ponovo')}</a></p>
      <p>${msg('Ako ne uspete, pozovite nas ili pišite nam:')}</p>
      ${contactCard()}`;
  }
}

define('jp-confirm', JpConfirm);

declare global {
  interface HTMLElementTagNameMap {
    'jp-confirm': JpConfirm;
  }
}
