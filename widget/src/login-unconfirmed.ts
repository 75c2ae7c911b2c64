// The login's way on for an address not yet confirmed (the login answers `email_not_confirmed`):
// "Pošaljite ponovo link za potvrdu" right under the form, which asks POST /api/register/resend
// for the address typed and says sent or recently sent, as the other mail requests do. Fetched
// with the login's other ways (login-other.ts), so it weighs nothing on the way to the form.
// Invariant: the offer is for the address the login was refused for; editing that address takes it away.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { FormController } from './form-controller.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { resendConfirmation } from './help.js';
import { typedEmail } from './typed-email.js';

type Host = ReactiveControllerHost & HTMLElement;

export class ConfirmAgain {
  /** The address refused as unconfirmed ('' while there is nothing to offer). */
  private email = '';
  private readonly form: FormController;

  constructor(private readonly host: Host) {
    this.form = new FormController(host);
    host.addEventListener('jp-error', (e) => {
      // The offer's own failures (busy while it asks) leave it where it is; another answer to the login takes it away.
      if (this.form.busy) return;
      const field = host.querySelector<HTMLInputElement>('input[name=email]');
      this.email = e.detail.code === 'email_not_confirmed' ? typedEmail() || (field?.value.trim() ?? '') : '';
      this.form.status = null;
    });
    host.addEventListener('input', (e) => {
      if ((e.target as HTMLInputElement).name === 'email' && this.email) {
        this.email = '';
        host.requestUpdate();
      }
    });
  }

  private send = async () => {
    await this.form.submit(async () => {
      const text = await resendConfirmation(this.host, this.email);
      this.form.status = { kind: 'good', text };
    }, failureText);
  };

  render() {
    if (!this.email) return nothing;
    return html`<div class="jp-again">
      <p class="jp-hint">${msg('Poruka nije stigla ili je link istekao?')}</p>
      <p><button type="button" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.send}>${msg('Pošaljite ponovo link za potvrdu')}</button></p>
      ${statusLine(this.form.status)}
    </div>`;
  }
}
