// <jp-confirm token="…">: confirms the registration (or a new e-mail address) from the mail's link.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { JpView } from './view.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';

export class JpConfirm extends JpView {
  static properties = { ...JpView.properties, token: { type: String }, result: { state: true } };
  declare token: string;
  declare result: 'pending' | 'confirmed' | 'email_changed' | 'failed';

  constructor() {
    super();
    this.token = '';
    this.result = 'pending';
  }

  async firstUpdated() {
    await this.submit(async () => {
      const r = await this.call<{ status: 'confirmed' | 'email_changed' }>('POST', '/api/confirm', { token: this.token });
      this.result = r.status;
      this.emit('confirmed', { status: r.status });
    }, (f) => {
      this.result = 'failed';
      return failureText(f);
    });
    await this.updateComplete;
    this.focusHeading();
  }

  render() {
    const heading =
      this.result === 'pending' ? msg('Potvrda registracije…')
      : this.result === 'confirmed' ? msg('Registracija je potvrđena')
      : this.result === 'email_changed' ? msg('Nova e-mail adresa je potvrđena')
      : msg('Potvrda nije uspela');
    return html`<h2 tabindex="-1">${heading}</h2>
      ${this.result === 'confirmed' || this.result === 'email_changed' ? html`<p>${msg('Sada se možete ulogovati na portal.')}</p>` : statusLine(this.status)}
      <p><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>`;
  }
}

customElements.define('jp-confirm', JpConfirm);
