// The account area's offer, right after a login: "Ulogujte se otiskom prsta ili licem" with its one
// sentence, "Napravite pristupni ključ" / "Ne sada". Shown only where it can work at once: the
// browser has a fingerprint, face or PIN unlock (a platform authenticator), the account has no
// passkey yet, and the session is fresh (no password to re-enter: just logged in, by code or by
// password). "Ne sada" is remembered on this device for this account.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { FormController } from './form-controller.js';
import { statusLine } from './field.js';
import { apiBase, call, type Account } from './api.js';
import { passkeysSupported } from './passkey-client.js';
import { addFailure, addPasskey, notMade, passkeyExplained, passkeyHeading, passkeyName } from './passkeys.js';
import type { PasskeysAnswer } from '../../contract/responses.ts';

type Host = ReactiveControllerHost & HTMLElement & { account: Account | null };

const declined = (account: Account) => `jp-passkey-offer-${account.id}`;

export class PasskeyOffer implements ReactiveController {
  private shown = false;
  private made = '';
  private readonly form: FormController;

  constructor(
    private readonly host: Host,
    /** Called once a passkey was made (the settings list shows it). */
    private readonly onMade: () => void,
  ) {
    this.form = new FormController(host);
    host.addController(this);
  }

  /** Decides whether to offer (after the account is loaded); never throws. */
  async check() {
    const a = this.host.account;
    try {
      if (!a || !passkeysSupported() || localStorage.getItem(declined(a))) return;
      if (!(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())) return;
      const r = await call<PasskeysAnswer>(apiBase(this.host), 'GET', '/api/account/passkeys');
      this.shown = !r.reauthRequired && r.passkeys.length === 0;
      this.host.requestUpdate();
    } catch {
      /* no offer: the settings still have the block */
    }
  }

  private create = async () => {
    await this.form.submit(
      async () => {
        try {
          this.made = passkeyName(await addPasskey(apiBase(this.host)));
        } catch (e) {
          const calm = notMade(e);
          if (!calm) throw e;
          this.form.status = { kind: 'good', text: () => notMade(e) ?? calm };
          return;
        }
        this.onMade();
      },
      (f) => (f.code === 'reauth_required' ? msg('Pristupni ključ možete napraviti u Podešavanjima.') : addFailure(f)),
      false,
    );
  };

  private later = () => {
    const a = this.host.account;
    try {
      if (a) localStorage.setItem(declined(a), '1');
    } catch {
      /* storage may be off: the offer comes again next time */
    }
    this.shown = false;
    this.host.requestUpdate();
  };

  hostConnected() {}

  render() {
    if (!this.shown) return nothing;
    if (this.made)
      return html`<section class="jp-card jp-offer" aria-live="polite">
        <h3>${msg('Pristupni ključ je napravljen')}</h3>
        <p>${msg('Sledeći put na ovom uređaju izaberite „Prijava pristupnim ključem“ i potvrdite otiskom prsta, licem ili PIN-om. Lozinka Vam nije potrebna.')}</p>
        <p><button type="button" class="jp-secondary" @click=${this.later}>${msg('U redu')}</button></p>
      </section>`;
    const busy = this.form.busy ? 'true' : 'false';
    return html`<section class="jp-card jp-offer">
      <h3>${passkeyHeading()}</h3>
      <p>${passkeyExplained()} ${msg('Napravite ga jednom na ovom uređaju i sledeći put se prijavljujete bez lozinke.')}</p>
      ${statusLine(this.form.status)}
      <p class="jp-row">
        <button type="button" aria-busy=${busy} @click=${this.create}>${msg('Napravite pristupni ključ')}</button>
        <button type="button" class="jp-secondary" @click=${this.later}>${msg('Ne sada')}</button>
      </p>
    </section>`;
  }
}
