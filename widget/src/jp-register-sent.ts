// <jp-register>'s step after registering, "Proverite e-mail": the address the link went to (it
// wraps, never widens the card), where to look, how long the link is valid, "Pošaljite ponovo"
// once the server's gap between two mails to the same requester has passed (a countdown until
// then, in minutes: minutes.ts), a way back to the form for a mistyped address, and whom to call. Invariant: nothing
// here casts doubt on the registration — the PIN was already proven when the answer came.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { FormController } from './form-controller.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { contactCard, resendConfirmation } from './help.js';
import { CONFIRM_LINK_HOURS } from '../../contract/links.ts';
import { inMinutes } from './minutes.js';

/**
 * The wait before "Pošaljite ponovo": the worker's MAIL_REQUESTER_GAP_S default (asking again
 * sooner only gets "recently sent"). A page whose worker sets another gap may set this too.
 */
export const resendTiming = { afterS: 120 };

type Host = ReactiveControllerHost & HTMLElement & { again(): void };

export class CheckMail implements ReactiveController {
  /** The address the link went to ('' while the form is shown). */
  email = '';
  private left = 0;
  private timer?: ReturnType<typeof setInterval>;
  private readonly form: FormController;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.form = new FormController(host);
  }

  hostDisconnected() {
    clearInterval(this.timer);
  }

  /** The registration was accepted: show this step and start the countdown to "Pošaljite ponovo". */
  sent(email: string) {
    this.email = email;
    this.countdown();
  }

  private countdown() {
    clearInterval(this.timer);
    this.left = resendTiming.afterS;
    this.timer = setInterval(() => {
      this.left--;
      if (this.left <= 0) clearInterval(this.timer);
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  private resend = async () => {
    await this.form.submit(async () => {
      const text = await resendConfirmation(this.host, this.email);
      this.form.status = { kind: 'good', text };
      this.countdown();
    }, failureText);
  };

  render() {
    const wait = inMinutes(this.left);
    return html`<h2 tabindex="-1">${msg('Proverite e-mail')}</h2>
      <p>${msg('Poslali smo Vam poruku sa linkom za potvrdu na adresu:')}</p>
      <p class="jp-address"><strong>${this.email}</strong></p>
      <p>${msg('Otvorite poruku i kliknite na link. Tada je registracija završena i možete se ulogovati.')}</p>
      <ul class="jp-steps">
        <li>${msg('Poruka obično stigne za nekoliko minuta.')}</li>
        <li>${msg('Ako je ne vidite, pogledajte i fasciklu za neželjenu poštu i fasciklu „Promocije“.')}</li>
        <li>${msg(str`Link važi ${CONFIRM_LINK_HOURS} sati.`)}</li>
      </ul>
      ${statusLine(this.form.status)}
      <p class="jp-row">
        <button type="button" class="jp-secondary" ?disabled=${this.left > 0} aria-busy=${this.form.busy ? 'true' : 'false'}
          @click=${this.resend}>${msg('Pošaljite ponovo')}</button>
        ${
          // Beside the button, not in its name: a name that changes every second is read out again and again.
          this.left > 0 ? html`<span class="jp-hint">${msg(str`Novi link možete zatražiti ${wait}.`)}</span>` : nothing
        }
      </p>
      <p>${msg('Pogrešna adresa?')} <a href="#registracija" @click=${this.back}>${msg('Registrujte se ponovo')}</a></p>
      <details class="jp-help"><summary>${msg('Poruka ne stiže?')}</summary>
        <p>${msg('Proverite da li je adresa iznad tačna. Ako poruka ne stigne ni posle ponovnog slanja, pozovite nas ili pišite nam: pomoći ćemo Vam.')}</p>
        ${contactCard()}
      </details>`;
  }

  private back = (e: Event) => {
    e.preventDefault();
    clearInterval(this.timer);
    this.email = '';
    this.form.status = null;
    this.host.again();
  };
}
