// <jp-office>: the utility's staff console at /kancelarija/ (docs/office.md, issue 21) — the
// passkey login (or an invitation's first passkey), the session, and the tabs: Potrošači for every
// staff member; for administrators Uvoz, Štampa, Pregled, Zaposleni and Dnevnik. Each tab is an
// element of its own (office-*.ts), made when chosen and removed when another is (so whatever a
// tab polls stops with it). A bundle of its own (office.js): nothing of it is on the residents'
// login path. Light DOM and adopted sheets like the widget's elements, so the page's strict CSP
// holds. Invariant: a 401 anywhere (a tab's `jpo-session-ended`) brings back the login.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type {
  OfficeStatusAnswer,
  StaffAnswer,
  StaffMember,
  StaffPasskeyAddedAnswer,
} from '../../../contract/office.ts';
import type { PasskeyOptionsAnswer } from '../../../contract/responses.ts';
import { adoptStyles, base } from '../styles.js';
import { getLocale, rememberLocale, rememberedLocale, setLocale, toLocale, type WidgetLocale } from '../localize.js';
import { createPasskey, getPasskey, passkeysSupported } from '../passkey-client.js';
import { ApiFailure, get, post } from './api.js';
import { office } from './styles.js';
import { SESSION_ENDED, type Status, statusLine } from './tab.js';
import { failureText, roleLabel } from './words.js';
import './office-consumers.js';
import './office-import.js';
import './office-print.js';
import './office-overview.js';
import './office-staff.js';
import './office-log.js';

type Tab = 'consumers' | 'import' | 'print' | 'overview' | 'staff' | 'audit';

/** The console's languages, each named in itself. */
const SWITCH: [WidgetLocale, string][] = [
  ['sr-Latn', 'Latinica'],
  ['sr-Cyrl', 'Ћирилица'],
  ['en', 'English'],
];

const INVITE = /^#poziv=([A-Za-z0-9_-]+)$/;

export class JpOffice extends LitElement {
  static properties = {
    staff: { state: true },
    ready: { state: true },
    tab: { state: true },
    busy: { state: true },
    status: { state: true },
  };
  staff: StaffMember | null = null;
  ready = false;
  tab: Tab = 'consumers';
  busy = false;
  status: Status = null;
  private invitation: string | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.addEventListener(SESSION_ENDED, () => this.signedOut(new ApiFailure(401, 'unauthenticated')));
  }

  protected createRenderRoot() {
    return this;
  }

  private get base() {
    return (this.getAttribute('api') ?? '').replace(/\/$/, '');
  }

  connectedCallback() {
    adoptStyles(this, [base, office]);
    super.connectedCallback();
    this.classList.add('jp');
    // The language chosen on this device, else the page's.
    const lang = toLocale(rememberedLocale() ?? this.getAttribute('lang') ?? document.documentElement.lang);
    if (lang !== getLocale()) void setLocale(lang);
    const m = INVITE.exec(location.hash);
    if (m) {
      this.invitation = m[1];
      // The token stays out of the address bar (and of anything copied from it) once read.
      history.replaceState(null, '', location.pathname + location.search);
      this.ready = true;
    } else void this.loadMe();
  }

  private async loadMe() {
    try {
      this.staff = (await get<StaffAnswer>(this.base, '/me')).staff;
    } catch {
      this.staff = null;
    }
    this.ready = true;
  }

  /** The session is over: the login again, with why. */
  private signedOut(why: unknown) {
    this.staff = null;
    this.tab = 'consumers';
    this.status = { good: false, text: failureText(why) };
  }

  /** Runs a login step with the busy flag and its failure in words. */
  private async run(action: () => Promise<void>) {
    this.busy = true;
    this.status = null;
    try {
      await action();
    } catch (e) {
      this.status = { good: false, text: failureText(e) };
    } finally {
      this.busy = false;
    }
  }

  private enrol = () =>
    this.run(async () => {
      const token = this.invitation!;
      const { options } = await post<PasskeyOptionsAnswer>(this.base, '/invitation/options', { token });
      const response = await createPasskey(options as Record<string, unknown>);
      this.staff = (await post<StaffAnswer>(this.base, '/invitation', { token, response })).staff;
      this.invitation = null;
    });

  private login = () =>
    this.run(async () => {
      const { options } = await post<PasskeyOptionsAnswer>(this.base, '/login/options', {});
      const response = await getPasskey(options as Record<string, unknown>, new AbortController().signal);
      this.staff = (await post<StaffAnswer>(this.base, '/login', { response })).staff;
    });

  /** A further passkey (another device, or a security key): a lost one then does not lock the member out. */
  private addPasskey = () =>
    this.run(async () => {
      const { options } = await post<PasskeyOptionsAnswer>(this.base, '/passkeys/options', {});
      const response = await createPasskey(options as Record<string, unknown>);
      await post<StaffPasskeyAddedAnswer>(this.base, '/passkeys', { response });
      this.status = { good: true, text: msg('Pristupni ključ je dodat. Sada se možete prijaviti i njime.') };
    });

  private switchTo(locale: WidgetLocale) {
    rememberLocale(locale);
    void setLocale(locale);
  }

  private logout = () =>
    this.run(async () => {
      await post<OfficeStatusAnswer>(this.base, '/logout', {}).catch(() => undefined);
      this.staff = null;
      this.tab = 'consumers';
    });

  private show(tab: Tab) {
    this.tab = tab;
    this.status = null;
  }

  render() {
    if (!this.ready) return html`<p role="status">${msg('Učitavanje…')}</p>`;
    if (!this.staff) return this.renderLogin();
    const admin = this.staff.role === 'administrator';
    const tabs: [Tab, string][] = [['consumers', msg('Potrošači')]];
    if (admin)
      tabs.push(
        ['import', msg('Uvoz')],
        ['print', msg('Štampa')],
        ['overview', msg('Pregled')],
        ['staff', msg('Zaposleni')],
        ['audit', msg('Dnevnik')],
      );
    return html`
      <header class="jpo-top">
        <h1>${msg('Kancelarija')}</h1>
        <p class="jpo-who">${this.staff.name} · ${roleLabel(this.staff.role)}</p>
        ${this.renderSwitch()}
        <button type="button" class="jp-secondary" aria-busy=${this.busy} @click=${this.addPasskey}>${msg('Dodajte pristupni ključ')}</button>
        <button type="button" class="jp-secondary" @click=${this.logout}>${msg('Odjavite se')}</button>
      </header>
      <nav aria-label=${msg('Delovi kancelarije')}>
        <ul>
          ${tabs.map(
            ([t, label]) =>
              html`<li><button type="button" aria-current=${this.tab === t ? 'page' : 'false'} @click=${() => this.show(t)}>${label}</button></li>`,
          )}
        </ul>
      </nav>
      <main>
        ${statusLine(this.status)}
        ${this.renderTab(admin ? this.tab : 'consumers')}
      </main>
    `;
  }

  private renderTab(tab: Tab) {
    const { base, staff } = this;
    switch (tab) {
      case 'consumers':
        return html`<jpo-consumers .base=${base} .staff=${staff}></jpo-consumers>`;
      case 'import':
        return html`<jpo-import .base=${base} .staff=${staff}></jpo-import>`;
      case 'print':
        return html`<jpo-print .base=${base} .staff=${staff}></jpo-print>`;
      case 'overview':
        return html`<jpo-overview .base=${base} .staff=${staff}></jpo-overview>`;
      case 'staff':
        return html`<jpo-staff .base=${base} .staff=${staff}></jpo-staff>`;
      case 'audit':
        return html`<jpo-log .base=${base} .staff=${staff}></jpo-log>`;
    }
  }

  private renderSwitch() {
    return html`<div class="jpo-switch" role="group" aria-label=${msg('Jezik i pismo')}>
      ${SWITCH.map(([l, label]) => html`<button type="button" lang=${l} aria-pressed=${getLocale() === l ? 'true' : 'false'} @click=${() => this.switchTo(l)}>${label}</button>`)}
    </div>`;
  }

  private renderLogin(): TemplateResult {
    const supported = passkeysSupported();
    return html`<main class="jpo-login">
      <h1>${msg('Kancelarija')}</h1>
      ${this.renderSwitch()}
      ${
        this.invitation
          ? html`<h2>${msg('Dobro došli')}</h2>
            <p>${msg('Napravite pristupni ključ na ovom uređaju (otisak prsta, lice ili PIN uređaja). Njime ćete se ubuduće prijavljivati.')}</p>
            <button type="button" ?disabled=${!supported} aria-busy=${this.busy} @click=${this.enrol}>${msg('Napravite pristupni ključ')}</button>`
          : html`<h2>${msg('Prijavite se pristupnim ključem')}</h2>
            <p>${msg('Zaposleni se prijavljuju samo pristupnim ključem. Ako ga nemate, zatražite poziv od administratora.')}</p>
            <button type="button" ?disabled=${!supported} aria-busy=${this.busy} @click=${this.login}>${msg('Prijavite se')}</button>`
      }
      ${supported ? nothing : html`<p class="jp-error">${msg('Ovaj pregledač ne podržava pristupne ključeve.')}</p>`}
      ${statusLine(this.status)}
    </main>`;
  }
}

if (!customElements.get('jp-office')) customElements.define('jp-office', JpOffice);

declare global {
  interface HTMLElementTagNameMap {
    'jp-office': JpOffice;
  }
}
