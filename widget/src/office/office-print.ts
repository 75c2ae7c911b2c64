// <jpo-print>, the console's Štampa (administrator): the period (by default the month billed
// last), Prikažite (the print list as JSON: the counts by delivery and reason), and the CSV links
// of the paper and the e-mail list. Nothing is fetched before Prikažite: each showing is an export
// in the audit log.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { printList, type PrintListAnswer, type PrintRow } from './api.js';
import { lastBilledPeriod } from './format.js';
import { OfficeTab, statusLine } from './tab.js';

export class OfficePrint extends OfficeTab {
  static properties = { ...OfficeTab.properties, print: { state: true }, period: { state: true } };
  print: PrintListAnswer | null = null;
  period = lastBilledPeriod();

  private load = (e: Event) => {
    e.preventDefault();
    this.period = String(new FormData(e.target as HTMLFormElement).get('period') ?? this.period);
    return this.run(async () => {
      this.print = await printList(this.base, this.period);
    });
  };

  render() {
    const p = this.print;
    const count = (f: (r: PrintRow) => boolean) => p?.rows.filter(f).length ?? 0;
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
      ${statusLine(this.status)}
      <p>${msg('Spisak za štampariju: ko za obračunski period dobija papirni račun, a ko račun na e-mail.')}</p>
      <form class="jpo-search" @submit=${this.load}>
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
}

if (!customElements.get('jpo-print')) customElements.define('jpo-print', OfficePrint);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-print': OfficePrint;
  }
}
