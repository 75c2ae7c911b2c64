// <jp-office>: the utility's staff console at /kancelarija/ (docs/office.md, issue 21) — the
// passkey login (or an invitation's first passkey), Potrošači (search, a consumer's card, the PIN
// unlock, the confirmation link again, notes) and, for administrators, Štampa (the print house's
// list) and Dnevnik (the audit log). A bundle of its own (office.js): nothing of it is on the
// residents' login path. Light DOM and adopted sheets like the widget's elements, so the page's
// strict CSP holds.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type {
  AuditAnswer,
  ConsumerCard,
  ConsumerCardAnswer,
  ConsumerHit,
  ConsumerSearchAnswer,
  OfficeStatusAnswer,
  StaffAnswer,
  StaffListAnswer,
  StaffMember,
} from '../../../contract/office.ts';
import type { PasskeyOptionsAnswer } from '../../../contract/responses.ts';
import { adoptStyles, base } from '../styles.js';
import { getLocale, setLocale, toLocale } from '../localize.js';
import { cancelled, createPasskey, getPasskey, passkeysSupported } from '../passkey-client.js';
import { ApiFailure, get, post, printList, type PrintListAnswer } from './api.js';
import { office } from './styles.js';

type Tab = 'consumers' | 'print' | 'audit';
type Pending = 'unlock' | 'resend' | null;
type Status = { good: boolean; text: string } | null;

const INVITE = /^#poziv=([A-Za-z0-9_-]+)$/;

/** A failure in words for staff (the API gives codes, never prose). */
function failureText(e: unknown): string {
  if (cancelled(e)) return msg('Pristupni ključ nije upotrebljen. Pokušajte ponovo.');
  const code = e instanceof ApiFailure ? e.code : 'internal_error';
  switch (code) {
    case 'network_error':
      return msg('Server nije dostupan. Proverite vezu i pokušajte ponovo.');
    case 'unauthenticated':
      return msg('Sesija je istekla. Prijavite se ponovo.');
    case 'forbidden':
      return msg('Za ovo nemate ovlašćenje.');
    case 'invalid_token':
      return msg('Pozivni link nije važeći ili je već iskorišćen. Zatražite novi poziv.');
    case 'passkey_failed':
      return msg('Pristupni ključ nije prihvaćen.');
    case 'not_found':
      return msg('Nije pronađeno.');
    case 'too_many_attempts':
      return msg('Previše zahteva. Pokušajte kasnije.');
    case 'validation_failed':
      return msg('Proverite unete podatke.');
    default:
      return msg('Došlo je do greške. Pokušajte ponovo.');
  }
}

/** The month billed last (bills for a month are issued in the next): the print list's default period. */
/** An audit entry's action in words (the code itself where a newer server has one this console does not know). */
function actionLabel(action: string): string {
  const labels: Record<string, string> = {
    'staff.invitation_accepted': msg('poziv prihvaćen'),
    'staff.login': msg('prijava'),
    'staff.logout': msg('odjava'),
    'staff.me': msg('otvorena kancelarija'),
    'staff.passkey_options': msg('novi pristupni ključ (početak)'),
    'staff.passkey_added': msg('dodat pristupni ključ'),
    'staff.invited': msg('poslat poziv'),
    'staff.listed': msg('pregled zaposlenih'),
    'staff.disabled': msg('zaposleni isključen'),
    'consumer.searched': msg('pretraga potrošača'),
    'consumer.viewed': msg('pregled potrošača'),
    'consumer.pin_unlocked': msg('PIN otključan'),
    'consumer.confirmation_resent': msg('ponovo poslat link za potvrdu'),
    'consumer.noted': msg('beleška'),
    'audit.viewed': msg('pregled dnevnika'),
    'audit.exported': msg('izvoz dnevnika'),
    'print_list.exported': msg('spisak za štampu'),
  };
  return labels[action] ?? action;
}

/** A mail's state in the outbox in words. */
function mailStatus(status: string): string {
  const labels: Record<string, string> = {
    pending: msg('čeka slanje'),
    sending: msg('šalje se'),
    sent: msg('poslata'),
    failed: msg('nije poslata'),
    cancelled: msg('otkazana'),
  };
  return labels[status] ?? status;
}

/** What became of a mail at the recipient's server (a delivery event) in words. */
function deliveryLabel(type: ConsumerCard['deliveryEvents'][number]['type']): string {
  const labels: Record<typeof type, string> = {
    delivered: msg('isporučena'),
    bounce_hard: msg('trajno odbijena'),
    bounce_soft: msg('privremeno odbijena'),
    complaint: msg('prijavljena kao neželjena'),
    deferred: msg('odložena'),
  };
  return labels[type] ?? type;
}

const currentPeriod = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export class JpOffice extends LitElement {
  static properties = {
    staff: { state: true },
    ready: { state: true },
    tab: { state: true },
    busy: { state: true },
    status: { state: true },
    hits: { state: true },
    card: { state: true },
    pending: { state: true },
    cardStatus: { state: true },
    print: { state: true },
    period: { state: true },
    audit: { state: true },
    members: { state: true },
  };
  staff: StaffMember | null = null;
  ready = false;
  tab: Tab = 'consumers';
  busy = false;
  status: Status = null;
  hits: ConsumerHit[] | null = null;
  card: ConsumerCard | null = null;
  pending: Pending = null;
  cardStatus: Status = null;
  print: PrintListAnswer | null = null;
  period = currentPeriod();
  audit: AuditAnswer['entries'] | null = null;
  /** Staff names by id, for the audit log's "who". */
  members: Map<string, string> = new Map();
  private invitation: string | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected createRenderRoot() {
    return this;
  }

  private get base() {
    return (this.getAttribute('api') ?? '').replace(/\/$/, '');
  }

  connectedCallback() {
    adoptStyles(
      this,
      [base, office].map((s) => s),
    );
    super.connectedCallback();
    this.classList.add('jp');
    const lang = toLocale(this.getAttribute('lang') ?? document.documentElement.lang);
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

  /** Runs an action with the busy flag and its failure shown in `status` (or the card's). */
  private async run(action: () => Promise<void>, onCard = false) {
    this.busy = true;
    if (onCard) this.cardStatus = null;
    else this.status = null;
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'unauthenticated') {
        this.staff = null;
        this.card = null;
        this.hits = null;
      }
      const s = { good: false, text: failureText(e) };
      if (onCard && this.staff) this.cardStatus = s;
      else this.status = s;
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

  private logout = () =>
    this.run(async () => {
      await post<OfficeStatusAnswer>(this.base, '/logout', {}).catch(() => undefined);
      this.staff = null;
      this.card = null;
      this.hits = null;
      this.print = null;
      this.audit = null;
    });

  private search = (e: Event) => {
    e.preventDefault();
    const q = String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim();
    if (q.length < 2) {
      this.status = { good: false, text: msg('Unesite najmanje dva znaka.') };
      return;
    }
    return this.run(async () => {
      this.hits = (await get<ConsumerSearchAnswer>(this.base, `/consumers?q=${encodeURIComponent(q)}`)).consumers;
      if (this.hits.length === 1) await this.open(this.hits[0].code);
    });
  };

  private async open(code: string) {
    this.pending = null;
    this.cardStatus = null;
    this.card = (await get<ConsumerCardAnswer>(this.base, `/consumers/${encodeURIComponent(code)}`)).consumer;
  }

  private openCard = (code: string) => this.run(() => this.open(code));

  private withReason = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    const card = this.card!;
    const action = this.pending!;
    if (reason.length < 3) {
      this.cardStatus = { good: false, text: msg('Navedite razlog (najmanje tri znaka).') };
      return;
    }
    return this.run(async () => {
      const path = action === 'unlock' ? 'unlock' : 'resend-confirmation';
      const { status } = await post<OfficeStatusAnswer>(
        this.base,
        `/consumers/${encodeURIComponent(card.code)}/${path}`,
        { reason },
      );
      await this.open(card.code);
      this.cardStatus = {
        good: true,
        text:
          status === 'unlocked'
            ? msg('PIN je otključan.')
            : status === 'not_locked'
              ? msg('PIN nije bio zaključan.')
              : msg('Link za potvrdu je ponovo poslat.'),
      };
    }, true);
  };

  private addNote = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (!text) return;
    const card = this.card!;
    return this.run(async () => {
      await post<OfficeStatusAnswer>(this.base, `/consumers/${encodeURIComponent(card.code)}/notes`, { text });
      form.reset();
      await this.open(card.code);
      this.cardStatus = { good: true, text: msg('Beleška je sačuvana.') };
    }, true);
  };

  private loadPrint = (e?: Event) => {
    e?.preventDefault();
    if (e) this.period = String(new FormData(e.target as HTMLFormElement).get('period') ?? this.period);
    return this.run(async () => {
      this.print = await printList(this.base, this.period);
    });
  };

  private loadAudit = () =>
    this.run(async () => {
      const [audit, members] = await Promise.all([
        get<AuditAnswer>(this.base, '/audit'),
        get<StaffListAnswer>(this.base, '/members'),
      ]);
      this.members = new Map(members.staff.map((m) => [m.id, m.name]));
      this.audit = audit.entries;
    });

  private show(tab: Tab) {
    this.tab = tab;
    this.status = null;
    if (tab === 'audit') void this.loadAudit();
  }

  private when(ms: number | null | undefined): string {
    if (ms == null) return '—';
    const loc = getLocale() === 'en' ? 'en-GB' : getLocale() === 'sr-Cyrl' ? 'sr-Cyrl-RS' : 'sr-Latn-RS';
    return new Intl.DateTimeFormat(loc, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
  }

  private money(n: number): string {
    return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sr-Latn-RS', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(n);
  }

  private statusLine(s: Status) {
    return html`<p class="jp-status ${s ? (s.good ? 'jp-good' : 'jp-bad') : ''}" role=${s?.good ? 'status' : 'alert'}>${s?.text ?? ''}</p>`;
  }

  render() {
    if (!this.ready) return html`<p role="status">${msg('Učitavanje…')}</p>`;
    if (!this.staff) return this.renderLogin();
    const admin = this.staff.role === 'administrator';
    const tabs: [Tab, string][] = [['consumers', msg('Potrošači')]];
    if (admin) tabs.push(['print', msg('Štampa')], ['audit', msg('Dnevnik')]);
    return html`
      <header class="jpo-top">
        <h1>${msg('Kancelarija')}</h1>
        <p class="jpo-who">${this.staff.name} · ${admin ? msg('administrator') : msg('šalter')}</p>
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
        ${this.statusLine(this.status)}
        ${this.tab === 'consumers' ? this.renderConsumers() : this.tab === 'print' ? this.renderPrint() : this.renderAudit()}
      </main>
    `;
  }

  private renderLogin(): TemplateResult {
    const supported = passkeysSupported();
    return html`<main class="jpo-login">
      <h1>${msg('Kancelarija')}</h1>
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
      ${this.statusLine(this.status)}
    </main>`;
  }

  private renderConsumers() {
    const id = 'jpo-q';
    return html`
      <h2>${msg('Potrošači')}</h2>
      <form class="jpo-search" role="search" @submit=${this.search}>
        <div class="jp-field">
          <label for=${id}>${msg('Pretraga potrošača')}</label>
          <input id=${id} name="q" type="search" minlength="2" maxlength="100" autocomplete="off" aria-describedby="jpo-q-hint" />
          <p class="jp-hint" id="jpo-q-hint">${msg('Šifra potrošača, ime, adresa ili e-mail adresa')}</p>
        </div>
        <button type="submit" aria-busy=${this.busy}>${msg('Pretražite')}</button>
      </form>
      <div class="jpo-cols">
        <div>${this.renderHits()}</div>
        <div>${this.card ? this.renderCard(this.card) : nothing}</div>
      </div>
    `;
  }

  private renderHits() {
    if (!this.hits) return nothing;
    if (!this.hits.length)
      return html`<h3>${msg('Rezultati')}</h3><p>${msg('Nema potrošača koji odgovaraju pretrazi.')}</p>`;
    return html`<h3>${msg('Rezultati')}</h3>
      <ul class="jpo-hits">
        ${this.hits.map(
          (
            h,
          ) => html`<li><button type="button" aria-current=${this.card?.code === h.code ? 'true' : 'false'} @click=${() => this.openCard(h.code)}>
            <strong>${h.code} · ${h.name}</strong>${h.address}${h.email ? html`<br />${h.email}` : nothing}
          </button></li>`,
        )}
      </ul>`;
  }

  private renderCard(c: ConsumerCard) {
    const a = c.account;
    const pin = c.pin;
    const failures = pin.failures;
    const until = this.when(pin.lockedUntil);
    const since = this.when(a?.since);
    const deliverySince = this.when(a?.deliverySince);
    const undeliverableSince = this.when(a?.undeliverable?.since);
    // The newest delivery event of each mail (the events come newest first).
    const delivery = new Map<string, string>();
    for (const ev of c.deliveryEvents)
      if (ev.outboxId && !delivery.has(ev.outboxId)) delivery.set(ev.outboxId, deliveryLabel(ev.type));
    return html`<article aria-labelledby="jpo-card-title">
      <h3 id="jpo-card-title">${c.code} · ${c.name}</h3>
      ${this.statusLine(this.cardStatus)}
      <div class="jpo-grid">
        <section class="jpo-box" aria-labelledby="jpo-acc">
          <h3 id="jpo-acc">${msg('Nalog')}</h3>
          <dl>
            <dt>${msg('Adresa')}</dt><dd>${c.address}</dd>
            ${
              a
                ? html`<dt>${msg('E-mail')}</dt><dd>${a.email}</dd>
                  <dt>${msg('Stanje')}</dt>
                  <dd>${a.state === 'confirmed' ? msg(str`Potvrđen od ${since}`) : msg(str`Čeka potvrdu od ${since}`)}</dd>
                  <dt>${msg('Računi')}</dt>
                  <dd>${a.delivery === 'email' ? msg('Na e-mail') : msg('Papirni')}${a.deliverySince ? html` · ${msg(str`od ${deliverySince}`)}` : nothing}</dd>
                  ${
                    a.undeliverable
                      ? html`<dt>${msg('Isporuka')}</dt><dd class="jp-error">${
                          a.undeliverable.reason === 'complaint'
                            ? msg(str`Poruke su prijavljene kao neželjene od ${undeliverableSince}`)
                            : msg(str`Poruke se ne isporučuju od ${undeliverableSince}`)
                        }</dd>`
                      : nothing
                  }`
                : html`<dt>${msg('Stanje')}</dt><dd>${msg('Nije registrovan')}</dd>`
            }
          </dl>
          ${
            a?.state === 'pending'
              ? html`<div class="jpo-actions"><button type="button" class="jp-secondary" @click=${() => this.ask('resend')}>${msg('Pošaljite ponovo link za potvrdu')}</button></div>`
              : nothing
          }
        </section>
        <section class="jpo-box" aria-labelledby="jpo-pin">
          <h3 id="jpo-pin">${msg('PIN')}</h3>
          <p>${pin.locked ? msg(str`Zaključan do ${until}`) : msg('Nije zaključan')}</p>
          <p class="jp-hint">${msg(str`Pogrešnih unosa: ${failures}`)}</p>
          <div class="jpo-actions"><button type="button" class=${pin.locked ? '' : 'jp-secondary'} @click=${() => this.ask('unlock')}>${msg('Otključajte PIN')}</button></div>
        </section>
      </div>
      ${this.pending ? this.renderReason() : nothing}
      <h4>${msg('Poslednji računi')}</h4>
      ${
        c.bills.length
          ? html`<div class="jpo-scroll"><table>
              <thead><tr><th scope="col">${msg('Period')}</th><th scope="col">${msg('Iznos')}</th><th scope="col">${msg('Dug')}</th><th scope="col">${msg('Rok')}</th><th scope="col">${msg('Plaćen')}</th></tr></thead>
              <tbody>${c.bills.map(
                (b) =>
                  html`<tr><td>${b.period}</td><td>${this.money(b.amount)}</td><td>${this.money(b.balance)}</td><td>${b.dueDate}</td><td>${b.paidAt ?? '—'}</td></tr>`,
              )}</tbody></table></div>`
          : html`<p>${msg('Nema računa.')}</p>`
      }
      <h4>${msg('Poruke')}</h4>
      ${
        c.mails.length
          ? html`<div class="jpo-scroll"><table>
              <thead><tr><th scope="col">${msg('Napravljena')}</th><th scope="col">${msg('Naslov')}</th><th scope="col">${msg('Stanje')}</th><th scope="col">${msg('Poslata')}</th><th scope="col">${msg('Isporuka')}</th></tr></thead>
              <tbody>${c.mails.map(
                (m) =>
                  html`<tr><td class="jpo-time">${this.when(m.createdAt)}</td><td>${m.subject}</td><td>${mailStatus(m.status)}${m.lastError ? html`<br /><span class="jp-hint">${m.lastError}</span>` : nothing}</td><td class="jpo-time">${this.when(m.sentAt)}</td><td>${delivery.get(m.id) ?? '—'}</td></tr>`,
              )}</tbody></table></div>`
          : html`<p>${msg('Nema poruka.')}</p>`
      }
      <h4>${msg('Beleške')}</h4>
      ${
        c.notes.length
          ? html`<ul>${c.notes.map((n) => html`<li><strong>${n.staffName}</strong>, ${this.when(n.createdAt)}: ${n.text}</li>`)}</ul>`
          : html`<p>${msg('Nema beležaka.')}</p>`
      }
      <form @submit=${this.addNote}>
        <div class="jp-field">
          <label for="jpo-note">${msg('Nova beleška za kolege')}</label>
          <textarea id="jpo-note" name="note" rows="2" maxlength="2000"></textarea>
        </div>
        <div><button type="submit" class="jp-secondary" aria-busy=${this.busy}>${msg('Sačuvajte belešku')}</button></div>
      </form>
    </article>`;
  }

  private ask(p: Pending) {
    this.pending = p;
    this.cardStatus = null;
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('#jpo-reason')?.focus());
  }

  private renderReason() {
    const unlock = this.pending === 'unlock';
    return html`<form class="jpo-box" @submit=${this.withReason}>
      <div class="jp-field">
        <label for="jpo-reason">${unlock ? msg('Razlog otključavanja') : msg('Razlog ponovnog slanja')}</label>
        <textarea id="jpo-reason" name="reason" rows="2" minlength="3" maxlength="500" required aria-describedby="jpo-reason-hint"></textarea>
        <p class="jp-hint" id="jpo-reason-hint">${msg('Razlog se upisuje u dnevnik, uz Vaše ime.')}</p>
      </div>
      <div class="jpo-actions">
        <button type="submit" aria-busy=${this.busy}>${unlock ? msg('Otključajte') : msg('Pošaljite')}</button>
        <button type="button" class="jp-secondary" @click=${() => (this.pending = null)}>${msg('Odustanite')}</button>
      </div>
    </form>`;
  }

  private renderPrint() {
    const p = this.print;
    const count = (f: (r: PrintListAnswer['rows'][number]) => boolean) => p?.rows.filter(f).length ?? 0;
    const reasons: [string, string][] = [
      ['no_account', msg('bez naloga')],
      ['unconfirmed', msg('nepotvrđena registracija')],
      ['opted_out', msg('izabran papir')],
      ['undeliverable', msg('e-mail se ne isporučuje')],
    ];
    const period = p?.period;
    const paper = count((r) => r.delivery === 'paper');
    const email = count((r) => r.delivery === 'email');
    const csv = (delivery: string) =>
      `${this.base}/api/staff/print-list?period=${encodeURIComponent(this.period)}&delivery=${delivery}`;
    return html`
      <h2>${msg('Štampa')}</h2>
      <p>${msg('Spisak za štampariju: ko za obračunski period dobija papirni račun, a ko račun na e-mail.')}</p>
      <form class="jpo-search" @submit=${this.loadPrint}>
        <div class="jp-field">
          <label for="jpo-period">${msg('Obračunski period')}</label>
          <input id="jpo-period" name="period" type="month" .value=${this.period} required />
        </div>
        <button type="submit" aria-busy=${this.busy}>${msg('Prikažite')}</button>
      </form>
      ${
        p
          ? html`<h3>${msg(str`Period ${period}`)}</h3>
            <ul class="jpo-counts">
              <li>${msg(str`Papir: ${paper}`)}</li>
              <li>${msg(str`E-mail: ${email}`)}</li>
              ${reasons.map(([k, label]) => html`<li>${label}: ${count((r) => r.reason === k)}</li>`)}
            </ul>
            <div class="jpo-actions">
              <a href=${csv('paper')} download>${msg('Preuzmite spisak za štampu (CSV)')}</a>
              <a href=${csv('email')} download>${msg('Preuzmite spisak za e-mail (CSV)')}</a>
            </div>`
          : nothing
      }
    `;
  }

  private renderAudit() {
    return html`
      <h2>${msg('Dnevnik')}</h2>
      <div class="jpo-actions">
        <a href=${`${this.base}/api/staff/audit?format=csv`} download>${msg('Preuzmite dnevnik (CSV)')}</a>
      </div>
      ${
        this.audit
          ? html`<div class="jpo-scroll"><table>
              <caption class="jp-hint">${msg('Poslednjih 500 unosa, najnoviji prvi')}</caption>
              <thead><tr><th scope="col">${msg('Vreme')}</th><th scope="col">${msg('Ko')}</th><th scope="col">${msg('Radnja')}</th><th scope="col">${msg('Potrošač')}</th><th scope="col">${msg('Razlog')}</th><th scope="col">${msg('Adresa klijenta')}</th></tr></thead>
              <tbody>${this.audit.map(
                (e) =>
                  html`<tr><td class="jpo-time">${this.when(e.at)}</td><td>${e.staffId ? (this.members.get(e.staffId) ?? e.staffId) : msg('komandna linija')}</td><td>${actionLabel(e.action)}</td><td>${e.consumerCode ?? '—'}</td><td>${e.reason ?? '—'}</td><td>${e.ip}</td></tr>`,
              )}</tbody></table></div>`
          : nothing
      }
    `;
  }
}

if (!customElements.get('jp-office')) customElements.define('jp-office', JpOffice);

declare global {
  interface HTMLElementTagNameMap {
    'jp-office': JpOffice;
  }
}
