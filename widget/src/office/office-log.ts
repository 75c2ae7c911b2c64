// <jpo-log>, the console's Dnevnik (administrator): the audit log's newest 500 entries with the
// staff member's name, the action in words, consumer, reason and client address; filters (from and
// to date, action, staff member, consumer code) that the server applies (GET /api/staff/audit's
// `from`, `to`, `action`, `staff`, `consumer`), and the CSV link with the same filters. Invariant:
// the table and the CSV link always come from one query (`query`).
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { AuditAnswer, StaffListAnswer } from '../../../contract/office.ts';
import { get } from './api.js';
import { when } from './format.js';
import { OfficeTab, statusLine } from './tab.js';
import { actionLabel, actionLabels, systemActor } from './words.js';

/** The log's filters as the form has them (dates `YYYY-MM-DD`, '' for none). */
export interface LogFilters {
  from: string;
  to: string;
  action: string;
  staff: string;
  consumer: string;
}
const NONE: LogFilters = { from: '', to: '', action: '', staff: '', consumer: '' };

/**
 * The audit request's query for the filters: the dates are the staff member's local days, sent as
 * milliseconds — `from` its first moment, `to` the first moment after it (the server's `to` is
 * exclusive), so both days are included.
 */
export function logQuery(f: LogFilters): URLSearchParams {
  const q = new URLSearchParams();
  // Local midnight of the day, `after` days on (Date's own calendar arithmetic: a DST day is 23 or 25 hours).
  const midnight = (d: string, after = 0) => {
    const t = new Date(`${d}T00:00:00`);
    t.setDate(t.getDate() + after);
    return String(t.getTime());
  };
  if (f.from) q.set('from', midnight(f.from));
  if (f.to) q.set('to', midnight(f.to, 1));
  if (f.action) q.set('action', f.action);
  if (f.staff) q.set('staff', f.staff);
  if (f.consumer.trim()) q.set('consumer', f.consumer.trim());
  return q;
}

export class OfficeLog extends OfficeTab {
  static properties = {
    ...OfficeTab.properties,
    entries: { state: true },
    members: { state: true },
    filters: { state: true },
  };
  entries: AuditAnswer['entries'] | null = null;
  members: StaffListAnswer['staff'] = [];
  filters: LogFilters = NONE;

  connectedCallback() {
    super.connectedCallback();
    if (!this.hasUpdated)
      void this.run(async () => {
        const [audit, members] = await Promise.all([
          get<AuditAnswer>(this.base, '/audit'),
          get<StaffListAnswer>(this.base, '/members'),
        ]);
        this.members = members.staff;
        this.entries = audit.entries;
      });
  }

  private load() {
    const q = logQuery(this.filters).toString();
    return this.run(async () => {
      this.entries = (await get<AuditAnswer>(this.base, `/audit${q ? `?${q}` : ''}`)).entries;
    });
  }

  private apply = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const field = (k: keyof LogFilters) => String(data.get(k) ?? '');
    this.filters = {
      from: field('from'),
      to: field('to'),
      action: field('action'),
      staff: field('staff'),
      consumer: field('consumer'),
    };
    return this.load();
  };

  private clear = () => {
    this.filters = NONE;
    (this.querySelector('form') as HTMLFormElement).reset();
    return this.load();
  };

  render() {
    const f = this.filters;
    const q = logQuery(f);
    q.set('format', 'csv');
    const names = new Map(this.members.map((m) => [m.id, m.name]));
    const filtered = Object.values(f).some(Boolean);
    return html`
      <h2>${msg('Dnevnik')}</h2>
      ${statusLine(this.status)}
      <form class="jpo-filters" @submit=${this.apply} aria-label=${msg('Filteri dnevnika')}>
        <div class="jp-field">
          <label for="jpo-log-from">${msg('Od dana')}</label>
          <input id="jpo-log-from" name="from" type="date" .value=${f.from} />
        </div>
        <div class="jp-field">
          <label for="jpo-log-to">${msg('Do dana')}</label>
          <input id="jpo-log-to" name="to" type="date" .value=${f.to} />
        </div>
        <div class="jp-field">
          <label for="jpo-log-action">${msg('Radnja')}</label>
          <select id="jpo-log-action" name="action">
            <option value="">${msg('sve radnje')}</option>
            ${actionLabels().map(([a, label]) => html`<option value=${a} ?selected=${f.action === a}>${label}</option>`)}
          </select>
        </div>
        <div class="jp-field">
          <label for="jpo-log-staff">${msg('Zaposleni')}</label>
          <select id="jpo-log-staff" name="staff">
            <option value="">${msg('svi zaposleni')}</option>
            ${this.members.map((m) => html`<option value=${m.id} ?selected=${f.staff === m.id}>${m.name}</option>`)}
          </select>
        </div>
        <div class="jp-field">
          <label for="jpo-log-consumer">${msg('Šifra potrošača')}</label>
          <input id="jpo-log-consumer" name="consumer" type="text" inputmode="numeric" autocomplete="off" .value=${f.consumer} />
        </div>
        <div class="jpo-actions">
          <button type="submit" aria-busy=${this.busy}>${msg('Primenite filtere')}</button>
          <button type="button" class="jp-secondary" @click=${this.clear}>${msg('Poništite filtere')}</button>
        </div>
      </form>
      <div class="jpo-actions">
        <a href=${`${this.base}/api/staff/audit?${q}`} download>${msg('Preuzmite dnevnik (CSV)')}</a>
      </div>
      ${
        this.entries
          ? html`<div class="jpo-scroll"><table>
              <caption class="jp-hint">${filtered ? msg('Najnovijih 500 unosa po filterima, najnoviji prvi') : msg('Poslednjih 500 unosa, najnoviji prvi')}</caption>
              <thead><tr><th scope="col">${msg('Vreme')}</th><th scope="col">${msg('Ko')}</th><th scope="col">${msg('Radnja')}</th><th scope="col">${msg('Potrošač')}</th><th scope="col">${msg('Razlog')}</th><th scope="col">${msg('Adresa klijenta')}</th></tr></thead>
              <tbody>${this.entries.map(
                (e) =>
                  html`<tr><td class="jpo-time">${when(e.at)}</td><td>${e.staffId ? (names.get(e.staffId) ?? e.staffId) : systemActor(e.action)}</td><td>${actionLabel(e.action)}</td><td>${e.consumerCode ?? '—'}</td><td>${e.reason ?? '—'}</td><td>${e.ip}</td></tr>`,
              )}</tbody></table></div>
              ${this.entries.length ? nothing : html`<p>${msg('Nema unosa.')}</p>`}`
          : nothing
      }
    `;
  }
}

if (!customElements.get('jpo-log')) customElements.define('jpo-log', OfficeLog);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-log': OfficeLog;
  }
}
