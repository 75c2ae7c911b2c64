// <jpo-consumers>, the console's Potrošači (every staff member): the search (one match opens its
// card at once) and a consumer's card — the account, the PIN lock with Otključajte PIN behind a
// reason, the confirmation link again (with a reason) for a pending registration, the last bills,
// the mails with their state and delivery, the notes and a new one. E-mail addresses are shown as
// the API gives them (partly hidden for a clerk).
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type {
  ConsumerCard,
  ConsumerCardAnswer,
  ConsumerHit,
  ConsumerSearchAnswer,
  OfficeStatusAnswer,
} from '../../../contract/office.ts';
import { get, post } from './api.js';
import { money, when } from './format.js';
import { OfficeTab, type Status, statusLine } from './tab.js';
import { deliveryLabel, mailStatus } from './words.js';

type Pending = 'unlock' | 'resend' | null;

export class OfficeConsumers extends OfficeTab {
  static properties = {
    ...OfficeTab.properties,
    hits: { state: true },
    card: { state: true },
    pending: { state: true },
    cardStatus: { state: true },
  };
  hits: ConsumerHit[] | null = null;
  card: ConsumerCard | null = null;
  pending: Pending = null;
  cardStatus: Status = null;

  private onCard = (s: Status) => (this.cardStatus = s);

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

  private withReason = (e: Event) => {
    e.preventDefault();
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
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
    }, this.onCard);
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
    }, this.onCard);
  };

  private ask(p: Pending) {
    this.pending = p;
    this.cardStatus = null;
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('#jpo-reason')?.focus());
  }

  render() {
    return html`
      <h2>${msg('Potrošači')}</h2>
      ${statusLine(this.status)}
      <form class="jpo-search" role="search" @submit=${this.search}>
        <div class="jp-field">
          <label for="jpo-q">${msg('Pretraga potrošača')}</label>
          <input id="jpo-q" name="q" type="search" minlength="2" maxlength="100" autocomplete="off" aria-describedby="jpo-q-hint" />
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
          (h) => html`<li><button type="button" aria-current=${this.card?.code === h.code ? 'true' : 'false'}
            @click=${() => this.run(() => this.open(h.code))}>
            <strong>${h.code} · ${h.name}</strong>${h.address}${h.email ? html`<br />${h.email}` : nothing}
          </button></li>`,
        )}
      </ul>`;
  }

  private renderCard(c: ConsumerCard) {
    const a = c.account;
    const pin = c.pin;
    const failures = pin.failures;
    const until = when(pin.lockedUntil);
    const since = when(a?.since);
    const deliverySince = when(a?.deliverySince);
    const undeliverableSince = when(a?.undeliverable?.since);
    // The newest delivery event of each mail (the events come newest first).
    const delivery = new Map<string, string>();
    for (const ev of c.deliveryEvents)
      if (ev.outboxId && !delivery.has(ev.outboxId)) delivery.set(ev.outboxId, deliveryLabel(ev.type));
    return html`<article aria-labelledby="jpo-card-title">
      <h3 id="jpo-card-title">${c.code} · ${c.name}</h3>
      ${statusLine(this.cardStatus)}
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
                  html`<tr><td>${b.period}</td><td>${money(b.amount)}</td><td>${money(b.balance)}</td><td>${b.dueDate}</td><td>${b.paidAt ?? '—'}</td></tr>`,
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
                  html`<tr><td class="jpo-time">${when(m.createdAt)}</td><td>${m.subject}</td><td>${mailStatus(m.status)}${m.lastError ? html`<br /><span class="jp-hint">${m.lastError}</span>` : nothing}</td><td class="jpo-time">${when(m.sentAt)}</td><td>${delivery.get(m.id) ?? '—'}</td></tr>`,
              )}</tbody></table></div>`
          : html`<p>${msg('Nema poruka.')}</p>`
      }
      <h4>${msg('Beleške')}</h4>
      ${
        c.notes.length
          ? html`<ul>${c.notes.map((n) => html`<li><strong>${n.staffName}</strong>, ${when(n.createdAt)}: ${n.text}</li>`)}</ul>`
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
}

if (!customElements.get('jpo-consumers')) customElements.define('jpo-consumers', OfficeConsumers);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-consumers': OfficeConsumers;
  }
}
