// The login form's other ways in, under the form (fetched by jp-login.ts after its first render,
// so none of it weighs on the way to the form): "Prijava pristupnim ključem" where the browser has
// passkeys, "Pošaljite mi kod za prijavu", and the browser's passkey autofill in the e-mail field
// (conditional mediation); with them, the offer of a new confirmation link to an address not yet
// confirmed (login-unconfirmed.ts) and the e-mail typed carried to the other forms (typed-email.ts). Invariant: at most one WebAuthn request runs; the autofill's is aborted
// when the view goes or the button takes over, and started again when the button's ends.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { FormController } from './form-controller.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { apiBase, call, ApiFailure } from './api.js';
import { emit } from './events.js';
import { aborted, cancelled, forgetPasskey, getPasskey, passkeysSupported } from './passkey-client.js';
import { passkeyExplained } from './passkeys.js';
import { adoptStyles } from './styles.js';
import { gap } from './tokens.js';
import { ConfirmAgain } from './login-unconfirmed.js';
import { carryEmail } from './typed-email.js';
// A bundling hint, no code used (as in help.ts): this chunk reaching the login page's shared
// modules keeps them in one chunk with lit (split apart, the login page grows by some 400 bytes).
import './element.js';
import type { AccountAnswer, PasskeyOptionsAnswer } from '../../contract/responses.ts';

const otherStyles = css`
  .jp .jp-other { display: grid; gap: .5rem; margin-top: ${gap}; justify-items: start; }
  .jp .jp-other > * { margin: 0; }
  .jp .jp-other .jp-or { justify-self: stretch; display: flex; align-items: center; gap: .75rem; color: #4a4a4a; }
  .jp .jp-again { margin-top: ${gap}; }
  .jp .jp-again p { margin: 0 0 .5rem; }
  .jp .jp-other .jp-or::before, .jp .jp-other .jp-or::after { content: ''; flex: 1; border-top: 1px solid #d0d0d0; }
`;

type Host = ReactiveControllerHost & HTMLElement;

export class OtherWays implements ReactiveController {
  private readonly form: FormController;
  private readonly again: ConfirmAgain;
  private autofill?: AbortController;
  /** A calm word after the resident closed the browser's prompt (not an error). */
  private note = '';

  constructor(private readonly host: Host) {
    this.form = new FormController(host);
    this.again = new ConfirmAgain(host);
    host.addController(this);
    carryEmail(host);
  }

  hostConnected() {
    adoptStyles(this.host, [otherStyles]);
    void this.startAutofill();
  }

  hostDisconnected() {
    this.autofill?.abort();
  }

  private get remember() {
    return this.host.querySelector<HTMLInputElement>('input[name=remember]')?.checked ?? false;
  }

  private options() {
    return call<PasskeyOptionsAnswer>(apiBase(this.host), 'POST', '/api/passkey/login/options', {});
  }

  /** Offers the account's passkey in the e-mail field's autofill, where the browser can. */
  private async startAutofill() {
    if (!passkeysSupported() || !(await PublicKeyCredential.isConditionalMediationAvailable?.().catch(() => false)))
      return;
    this.autofill?.abort();
    const ctl = new AbortController();
    this.autofill = ctl;
    try {
      const { options } = await this.options();
      if (ctl.signal.aborted) return;
      const response = await getPasskey(options, ctl.signal, true);
      await this.form.submit(() => this.login(options, response), failureText);
    } catch {
      // Aborted, no options (offline, throttled) or a refused choice: the form works without it.
    }
  }

  private async login(options: PasskeyOptionsAnswer['options'], response: Record<string, unknown>) {
    try {
      const r = await call<AccountAnswer>(apiBase(this.host), 'POST', '/api/passkey/login', {
        response,
        remember: this.remember,
      });
      emit(this.host, 'jp-login', { account: r.account });
    } catch (e) {
      // The worker no longer knows this passkey (removed): the browser may stop offering it.
      if (e instanceof ApiFailure && e.code === 'passkey_failed') forgetPasskey(options.rpId, String(response.id));
      void this.startAutofill();
      throw e;
    }
  }

  private withPasskey = async () => {
    this.autofill?.abort();
    this.note = '';
    await this.form.submit(async () => {
      const { options } = await this.options();
      let response: Record<string, unknown>;
      try {
        response = await getPasskey(options, new AbortController().signal);
      } catch (e) {
        if (!cancelled(e) && !aborted(e)) throw new ApiFailure(0, 'passkey_failed');
        this.note = msg('Prijava pristupnim ključem je prekinuta. Pokušajte ponovo ili se ulogujte lozinkom.');
        void this.startAutofill();
        return;
      }
      await this.login(options, response);
    }, failureText);
  };

  private code = (e: Event) => {
    e.preventDefault();
    emit(this.host, 'jp-navigate', { view: 'code' });
  };

  render() {
    const busy = this.form.busy ? 'true' : 'false';
    return html`${this.again.render()}<section class="jp-other" aria-label=${msg('Prijava bez lozinke')}>
      <p class="jp-or">${msg('ili')}</p>
      ${
        passkeysSupported()
          ? html`<button type="button" class="jp-secondary" aria-busy=${busy} @click=${this.withPasskey}>${msg('Prijava pristupnim ključem')}</button>
            <p class="jp-hint">${passkeyExplained()}</p>`
          : nothing
      }
      ${this.note ? html`<p class="jp-hint" role="status">${this.note}</p>` : nothing}
      ${statusLine(this.form.status)}
      <p><a href="#kod-za-prijavu" @click=${this.code}>${msg('Pošaljite mi kod za prijavu')}</a></p>
    </section>`;
  }
}
