// <jp-unsubscribe token="…">: from the link in a bill mail, stops e-mail bills after one click
// (a button, so link scanners that open mail links change nothing).
import { html } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { statusLine } from './field.js';
import { helpText } from './help.js';

/** Stops e-mail bills with one click, from the link in a bill mail (the `token` attribute). */
export class JpUnsubscribe extends JpElement {
  static properties = { token: {}, done: { state: true } };
  token = '';
  private done = false;
  private form = new FormController(this);

  private async stop() {
    await this.form.submit(async () => {
      await this.call('POST', '/api/email-bills/unsubscribe', { token: this.token });
      this.done = true;
      this.form.status = {
        kind: 'good',
        text: () => msg('Računi Vam više neće stizati na e-mail. Ponovo ih možete uključiti u podešavanjima naloga.'),
      };
    }, helpText);
  }

  render() {
    return html`<h2 tabindex="-1">${msg('Slanje računa na e-mail')}</h2>
      ${
        this.done
          ? ''
          : html`<p>${msg('Želite li da Vam računi više ne stižu na e-mail?')}</p>
        <p><button type="button" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.stop}>${msg('Isključite račune e-mailom')}</button></p>`
      }
      ${statusLine(this.form.status)}
      <p><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>
      ${this.helpBlock()}`;
  }
}

define('jp-unsubscribe', JpUnsubscribe);

declare global {
  interface HTMLElementTagNameMap {
    'jp-unsubscribe': JpUnsubscribe;
  }
}
