// A block of <jp-settings>: "Ulogujte se otiskom prsta ili licem" — what a passkey is in one
// sentence, the account's passkeys named after the device they were made on, when made and last
// used, whether synced; "Napravite pristupni ključ" (the password first when the session is older
// than 5 minutes) and "Uklonite" behind a step in words. Where the browser has no passkeys, it
// says so and still lists (and removes) the ones made elsewhere.
import { html, nothing } from 'lit';
import { missing } from './help.js';
import { msg, str } from '@lit/localize';
import { Block, type SettingsHost } from './jp-settings-block.js';
import { field, formValues } from './field.js';
import { failureText } from './messages.js';
import { apiBase, type ApiFailure } from './api.js';
import { moment } from './jp-bills-format.js';
import { passkeysSupported } from './passkey-client.js';
import { addFailure, addPasskey, notMade, passkeyExplained, passkeyHeading, passkeyName } from './passkeys.js';
import type { PasskeyInfo, PasskeysAnswer } from '../../contract/responses.ts';

export class PasskeysBlock extends Block {
  private passkeys: PasskeyInfo[] = [];
  private reauthRequired = false;
  /** The resident asked to add one and the password is wanted first. */
  private asking = false;
  /** The passkey whose removal waits for "Da, uklonite". */
  private removing: string | null = null;

  constructor(host: SettingsHost) {
    super(host, 'passkeys');
  }

  /** Loads the list; a failure leaves it empty (adding still works). */
  async refresh() {
    try {
      const r = await this.call<PasskeysAnswer>('GET', '/api/account/passkeys');
      this.passkeys = r.passkeys;
      this.reauthRequired = r.reauthRequired;
      this.host.requestUpdate();
    } catch {
      /* see above */
    }
  }

  private async focus(selector: string) {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.root?.querySelector<HTMLElement>(selector)?.focus();
  }

  private start = async () => {
    this.form.status = null;
    if (this.reauthRequired) {
      this.asking = true;
      return this.focus('input[name=passkey-password]');
    }
    await this.add();
  };

  private submitPassword = async (e: SubmitEvent) => {
    e.preventDefault();
    const password = formValues(e.currentTarget as HTMLFormElement).text('passkey-password');
    if (!password) {
      this.form.fields = { passkeyPassword: 'required' };
      return this.focus('[aria-invalid=true]');
    }
    await this.add(password);
  };

  private async add(password?: string) {
    await this.run(async () => {
      let made: PasskeyInfo;
      try {
        made = await addPasskey(apiBase(this.host), password);
      } catch (e) {
        const calm = notMade(e);
        if (!calm) throw e;
        this.form.status = { kind: 'good', text: () => notMade(e) ?? calm };
        return;
      }
      this.asking = false;
      this.form.fields = {};
      await this.refresh();
      this.form.status = {
        kind: 'good',
        text: () =>
          msg(
            str`Pristupni ključ „${passkeyName(made)}“ je napravljen. Sledeći put izaberite „Prijava pristupnim ključem“.`,
          ),
      };
    }, this.describe);
    await this.passwordErrorTo('passkeyPassword');
  }

  private describe = (f: ApiFailure) => {
    // The session aged while the page was open: the password is asked for after all.
    if (f.code === 'reauth_required') {
      this.reauthRequired = true;
      this.asking = true;
    }
    return addFailure(f);
  };

  private remove(p: PasskeyInfo) {
    return async () => {
      await this.run(async () => {
        await this.call('POST', '/api/account/passkeys/remove', { id: p.id });
        this.removing = null;
        await this.refresh();
        this.form.status = { kind: 'good', text: () => msg(str`Pristupni ključ „${passkeyName(p)}“ je uklonjen.`) };
      }, failureText);
    };
  }

  private item(p: PasskeyInfo) {
    const name = passkeyName(p);
    const confirming = this.removing === p.id;
    return html`<li>
      <span>${name}</span>
      <span>${msg('Napravljen')}: ${moment(p.createdAt)}</span>
      <span>${p.lastUsedAt ? html`${msg('Poslednja prijava')}: ${moment(p.lastUsedAt)}` : msg('Još nije korišćen')}</span>
      ${p.backedUp ? html`<span>${msg('sinhronizovan: radi i na Vašim drugim telefonima i računarima')}</span>` : nothing}
      ${
        confirming
          ? html`<div class="jp-confirm" role="group" aria-label=${msg(str`Uklanjanje: ${name}`)}>
              <p>${msg(str`Da li zaista želite da uklonite pristupni ključ „${name}“? Posle toga se na tom uređaju prijavljujete lozinkom ili kodom iz e-maila.`)}</p>
              <p class="jp-row">
                <button type="button" class="jp-danger-button" @click=${this.remove(p)}>${msg('Da, uklonite')}</button>
                <button type="button" class="jp-secondary" @click=${() => this.cancelRemove(p)}>${msg('Odustanite')}</button>
              </p>
            </div>`
          : html`<button type="button" class="jp-link" data-id=${p.id} @click=${() => this.askRemove(p)}>${msg('Uklonite')}<span class="jp-sr"> (${name}, ${moment(p.createdAt)})</span></button>`
      }
    </li>`;
  }

  private askRemove(p: PasskeyInfo) {
    this.removing = p.id;
    this.form.status = null;
    void this.focus('.jp-confirm .jp-secondary');
  }

  private cancelRemove(p: PasskeyInfo) {
    this.removing = null;
    void this.focus(`button[data-id="${CSS.escape(p.id)}"]`);
  }

  private adding() {
    if (!passkeysSupported())
      return html`<p>${msg('Ovaj pregledač ne podržava pristupne ključeve. Prijavljujte se lozinkom ili kodom iz e-maila, ili otvorite portal na telefonu.')}</p>`;
    const busy = this.form.busy ? 'true' : 'false';
    if (!this.asking)
      return html`<p><button type="button" class="jp-secondary" aria-busy=${busy} @click=${this.start}>${msg('Napravite pristupni ključ')}</button></p>`;
    return html`<form method="post" action="#" novalidate @submit=${this.submitPassword}>
      <p class="jp-hint">${msg('Radi bezbednosti unesite svoju lozinku još jednom. Ne sećate se lozinke? Odjavite se, ulogujte se kodom iz e-maila i odmah napravite pristupni ključ.')}</p>
      ${field({ id: `${this.id}-pw`, name: 'passkey-password', label: msg('Lozinka'), type: 'password', autocomplete: 'current-password', error: missing(this.form.fields.passkeyPassword, 'password') })}
      <p class="jp-row">
        <button type="submit" class="jp-secondary" aria-busy=${busy}>${msg('Napravite pristupni ključ')}</button>
        <button type="button" class="jp-link" @click=${this.cancelAsking}>${msg('Odustanite')}</button>
      </p>
    </form>`;
  }

  private cancelAsking = () => {
    this.asking = false;
    this.form.fields = {};
    this.form.status = null;
  };

  protected content() {
    return html`<h4>${passkeyHeading()}</h4>
      <p class="jp-hint">${passkeyExplained()}</p>
      ${
        this.passkeys.length
          ? html`<ul class="jp-list">${this.passkeys.map((p) => this.item(p))}</ul>`
          : html`<p>${msg('Još nemate pristupni ključ.')}</p>`
      }
      ${this.adding()}`;
  }
}
