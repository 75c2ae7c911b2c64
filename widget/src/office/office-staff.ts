// <jpo-staff>, the console's Zaposleni (administrator): the staff list (name, e-mail, role,
// passkeys, since, disabled), an invitation (e-mail, name, role — its link shown once, with a copy
// button, and mailed too) and disabling a colleague behind a reason (never oneself: the server
// refuses it as well). Invariant: the invitation's link lives only in this element's state and is
// gone once the tab is left.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import {
  type InvitationAnswer,
  type OfficeStatusAnswer,
  REASON_MIN,
  STAFF_ROLES,
  type StaffListAnswer,
} from '../../../contract/office.ts';
import { get, post } from './api.js';
import { day, when } from './format.js';
import { OfficeTab, type Status, statusLine } from './tab.js';
import { roleLabel } from './words.js';

type Member = StaffListAnswer['staff'][number];

export class OfficeStaff extends OfficeTab {
  static properties = {
    ...OfficeTab.properties,
    members: { state: true },
    invited: { state: true },
    inviteStatus: { state: true },
    disabling: { state: true },
  };
  members: Member[] | null = null;
  /** The invitation just made: its link, shown this once. */
  invited: (InvitationAnswer & { email: string }) | null = null;
  inviteStatus: Status = null;
  /** The colleague about to be disabled (the reason step). */
  disabling: Member | null = null;

  connectedCallback() {
    super.connectedCallback();
    if (!this.hasUpdated) void this.run(() => this.load());
  }

  private async load() {
    this.members = (await get<StaffListAnswer>(this.base, '/members')).staff;
  }

  private invite = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'salter'),
    };
    this.invited = null;
    return this.run(
      async () => {
        const answer = await post<InvitationAnswer>(this.base, '/invitations', body);
        form.reset();
        this.invited = { ...answer, email: body.email };
        await this.load();
      },
      (s) => (this.inviteStatus = s),
    );
  };

  private copy = async () => {
    try {
      await navigator.clipboard.writeText(this.invited!.link);
      this.inviteStatus = { good: true, text: msg('Link je kopiran.') };
    } catch {
      this.inviteStatus = { good: false, text: msg('Kopiranje nije uspelo; označite link i kopirajte ga.') };
    }
  };

  private ask(m: Member) {
    this.disabling = m;
    this.status = null;
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('#jpo-disable-reason')?.focus());
  }

  private disable = (e: Event) => {
    e.preventDefault();
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
    const m = this.disabling!;
    if (reason.length < REASON_MIN) {
      this.status = { good: false, text: msg('Navedite razlog (najmanje tri znaka).') };
      return;
    }
    return this.run(async () => {
      await post<OfficeStatusAnswer>(this.base, `/members/${encodeURIComponent(m.id)}/disable`, { reason });
      this.disabling = null;
      await this.load();
      const name = m.name;
      this.status = { good: true, text: msg(str`${name} je isključen/a i više se ne može prijaviti.`) };
    });
  };

  render() {
    return html`
      <h2>${msg('Zaposleni')}</h2>
      ${statusLine(this.status)}
      ${this.disabling ? this.renderDisable(this.disabling) : nothing}
      ${this.members ? this.renderList(this.members) : nothing}
      ${this.renderInvite()}
    `;
  }

  private renderList(members: Member[]) {
    return html`<div class="jpo-scroll"><table>
      <caption class="jp-hint">${msg('Zaposleni sa pristupom kancelariji')}</caption>
      <thead><tr><th scope="col">${msg('Ime')}</th><th scope="col">${msg('E-mail')}</th><th scope="col">${msg('Uloga')}</th><th scope="col">${msg('Pristupni ključevi')}</th><th scope="col">${msg('Od')}</th><th scope="col">${msg('Isključen')}</th><th scope="col"><span class="jpo-sr">${msg('Radnje')}</span></th></tr></thead>
      <tbody>${members.map(
        (m) => html`<tr>
          <td>${m.name}</td><td>${m.email}</td><td>${roleLabel(m.role)}</td><td>${m.passkeys}</td>
          <td class="jpo-time">${day(m.createdAt)}</td><td class="jpo-time">${m.disabledAt ? when(m.disabledAt) : '—'}</td>
          <td>${
            m.disabledAt || m.id === this.staff?.id
              ? nothing
              : html`<button type="button" class="jp-secondary" aria-label=${msg(str`Isključite: ${m.name}`)} @click=${() => this.ask(m)}>${msg('Isključite')}</button>`
          }</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  private renderDisable(m: Member) {
    const name = m.name;
    return html`<form class="jpo-box" @submit=${this.disable} aria-labelledby="jpo-disable-title">
      <h3 id="jpo-disable-title">${msg(str`Isključivanje: ${name}`)}</h3>
      <p>${msg('Sesije se odmah završavaju i prijava više nije moguća. Zaposleni se ponovo uključuje novim pozivom.')}</p>
      <div class="jp-field">
        <label for="jpo-disable-reason">${msg('Razlog isključivanja')}</label>
        <textarea id="jpo-disable-reason" name="reason" rows="2" maxlength="500" aria-describedby="jpo-disable-hint"></textarea>
        <p class="jp-hint" id="jpo-disable-hint">${msg('Razlog se upisuje u dnevnik, uz Vaše ime.')}</p>
      </div>
      <div class="jpo-actions">
        <button type="submit" aria-busy=${this.busy}>${msg('Potvrdite isključivanje')}</button>
        <button type="button" class="jp-secondary" @click=${() => (this.disabling = null)}>${msg('Odustanite')}</button>
      </div>
    </form>`;
  }

  private renderInvite() {
    const inv = this.invited;
    const email = inv?.email;
    const expires = when(inv?.expiresAt);
    return html`<section class="jpo-box" aria-labelledby="jpo-invite-title">
      <h3 id="jpo-invite-title">${msg('Pozovite zaposlenog')}</h3>
      <form @submit=${this.invite}>
        <div class="jpo-grid">
          <div class="jp-field">
            <label for="jpo-inv-email">${msg('E-mail adresa')}</label>
            <input id="jpo-inv-email" name="email" type="email" autocomplete="off" required maxlength="254" />
          </div>
          <div class="jp-field">
            <label for="jpo-inv-name">${msg('Ime i prezime')}</label>
            <input id="jpo-inv-name" name="name" type="text" autocomplete="off" required maxlength="120" />
          </div>
          <div class="jp-field">
            <label for="jpo-inv-role">${msg('Uloga')}</label>
            <select id="jpo-inv-role" name="role">
              ${STAFF_ROLES.map((r) => html`<option value=${r}>${roleLabel(r)}</option>`)}
            </select>
          </div>
        </div>
        <div><button type="submit" aria-busy=${this.busy}>${msg('Pošaljite poziv')}</button></div>
      </form>
      ${statusLine(this.inviteStatus)}
      ${
        inv
          ? html`<div class="jpo-link">
              <p>${msg(str`Poziv je poslat na ${email}. Link važi do ${expires} i prikazuje se samo sada; poslat je i e-poštom.`)}</p>
              <div class="jp-field">
                <label for="jpo-inv-link">${msg('Pozivni link')}</label>
                <input id="jpo-inv-link" type="text" readonly .value=${inv.link} />
              </div>
              <div class="jpo-actions"><button type="button" class="jp-secondary" @click=${this.copy}>${msg('Kopirajte link')}</button></div>
            </div>`
          : nothing
      }
    </section>`;
  }
}

if (!customElements.get('jpo-staff')) customElements.define('jpo-staff', OfficeStaff);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-staff': OfficeStaff;
  }
}
