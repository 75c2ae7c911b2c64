// A block of <jp-settings>: "Uređaji na kojima ste prijavljeni" — each session as a device in words
// ("Chrome na Androidu", "Safari na iPhone-u"; read by contract/user-agent.ts on the server),
// "Ovaj uređaj" marked and first, when it signed in and was last used; logging out one device or
// every other one (and, when the resident ticks it, removing the passkeys too), with the block's
// own status.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Block, type SettingsHost } from './jp-settings-block.js';
import { failureText } from './messages.js';
import { checkbox } from './field.js';
import { getLocale } from './localize.js';
import { moment } from './jp-bills-format.js';
import type { SessionInfo, SessionsAnswer } from '../../contract/responses.ts';
import type { System } from '../../contract/user-agent.ts';

// Brand names stay in Latin in every script; Serbian puts them in the locative ("na iPhone-u").
const WHERE: Record<'sr-Latn' | 'sr-Cyrl' | 'en', Record<System, string>> = {
  'sr-Latn': {
    android: 'Androidu',
    iphone: 'iPhone-u',
    ipad: 'iPad-u',
    windows: 'Windows-u',
    mac: 'Mac-u',
    linux: 'Linux-u',
    chromeos: 'Chromebook-u',
  },
  'sr-Cyrl': {
    android: 'Андроиду',
    iphone: 'iPhone-у',
    ipad: 'iPad-у',
    windows: 'Windows-у',
    mac: 'Mac-у',
    linux: 'Linux-у',
    chromeos: 'Chromebook-у',
  },
  en: {
    android: 'Android',
    iphone: 'iPhone',
    ipad: 'iPad',
    windows: 'Windows',
    mac: 'Mac',
    linux: 'Linux',
    chromeos: 'Chromebook',
  },
};

/** "Chrome na Androidu", "Safari na iPhone-u", "Nepoznat uređaj". */
export function deviceName(d: SessionInfo['device']): string {
  const where = d.system ? WHERE[getLocale() as keyof typeof WHERE][d.system] : null;
  if (d.browser && where) return msg(str`${d.browser} na ${where}`);
  if (where) return msg(str`Pregledač na ${where}`);
  return d.browser ?? msg('Nepoznat uređaj');
}

export class DevicesBlock extends Block {
  private sessions: SessionInfo[] = [];

  constructor(host: SettingsHost) {
    super(host, 'devices');
  }

  /** Loads the list ("Ovaj uređaj" first); a failure leaves it empty, logging out everywhere still works. */
  async refresh() {
    try {
      const s = (await this.call<SessionsAnswer>('GET', '/api/account/sessions')).sessions;
      this.sessions = [...s.filter((x) => x.current), ...s.filter((x) => !x.current)];
      this.host.requestUpdate();
    } catch {
      /* see above */
    }
  }

  private revoke(x: SessionInfo) {
    return async () => {
      await this.run(async () => {
        await this.call('POST', '/api/account/sessions/revoke', { id: x.id });
        await this.refresh();
        this.form.status = { kind: 'good', text: () => msg(str`Uređaj „${deviceName(x.device)}“ je odjavljen.`) };
      }, failureText);
    };
  }

  private everywhere = async () => {
    const passkeys = this.root?.querySelector<HTMLInputElement>('input[name=passkeys]')?.checked ?? false;
    await this.run(async () => {
      await this.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true, passkeys });
      await this.refresh();
      this.form.status = {
        kind: 'good',
        text: () =>
          passkeys
            ? msg('Odjavljeni ste sa svih drugih uređaja. Pristupni ključevi su uklonjeni.')
            : msg('Odjavljeni ste sa svih drugih uređaja.'),
      };
      if (passkeys) await this.host.refreshPasskeys?.();
    }, failureText);
  };

  protected content() {
    const others = this.sessions.filter((x) => !x.current).length;
    return html`<h4>${msg('Uređaji na kojima ste prijavljeni')}</h4>
      <p class="jp-hint">${msg('Ako neki uređaj ne prepoznajete, odjavite ga i promenite lozinku.')}</p>
      <ul class="jp-list">
        ${this.sessions.map(
          (x) => html`<li>
            <span>${deviceName(x.device)}${x.current ? html` — <strong>${msg('Ovaj uređaj')}</strong>` : nothing}</span>
            <span>${msg('Prijava')}: ${moment(x.createdAt)}</span>
            <span>${msg('Poslednja aktivnost')}: ${moment(x.lastSeenAt)}</span>
            ${
              x.current
                ? nothing
                : html`<button type="button" class="jp-link" @click=${this.revoke(x)}>${msg('Odjavite ovaj uređaj')}<span class="jp-sr"> (${deviceName(x.device)}, ${moment(x.createdAt)})</span></button>`
            }
          </li>`,
        )}
      </ul>
      ${
        others > 0
          ? html`${checkbox({ id: `${this.id}-passkeys`, name: 'passkeys', label: msg('Uklonite i pristupne ključeve (posle toga se prijavljujete lozinkom ili kodom iz e-maila)') })}
            <p><button type="button" class="jp-secondary" @click=${this.everywhere}>${msg('Odjavite se sa svih drugih uređaja')}</button></p>`
          : nothing
      }`;
  }
}
