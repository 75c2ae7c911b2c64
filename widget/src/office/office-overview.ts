// <jpo-overview>, the console's Pregled (administrator): the portal's numbers as labelled figures
// (registered consumers, e-mail bills, accounts with a passkey — each as a share —, undeliverable
// addresses, locked codes) and the last 12 weeks' registrations as a small SVG bar chart with the
// same numbers (and the logins) in a table beside it. No chart library; the SVG uses attributes
// and classes only (the console's CSP has no inline style).
import { html, nothing, svg } from 'lit';
import { msg, str } from '@lit/localize';
import type { OverviewAnswer } from '../../../contract/office.ts';
import { get } from './api.js';
import { share } from './format.js';
import { OfficeTab, statusLine } from './tab.js';

type Week = OverviewAnswer['weeks'][number];

const W = 600;
const H = 180;
const AXIS = 24;

/** Two bars a week (registrations begun, confirmed), scaled to the busiest week. */
function chart(weeks: Week[]) {
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.registrations, w.confirmed)));
  const slot = W / Math.max(weeks.length, 1);
  const bar = (slot - 8) / 2;
  const height = (n: number) => ((H - AXIS - 8) * n) / max;
  return svg`${weeks.map((w, i) => {
    const x = i * slot + 4;
    const a = height(w.registrations);
    const b = height(w.confirmed);
    return svg`<rect class="jpo-bar-begun" x=${x} y=${H - AXIS - a} width=${bar} height=${a}></rect>
      <rect class="jpo-bar-confirmed" x=${x + bar} y=${H - AXIS - b} width=${bar} height=${b}></rect>
      <text class="jpo-axis" x=${x + bar} y=${H - 6} text-anchor="middle">${w.week.slice(-3)}</text>`;
  })}<line class="jpo-axis-line" x1="0" x2=${W} y1=${H - AXIS} y2=${H - AXIS}></line>`;
}

export class OfficeOverview extends OfficeTab {
  static properties = { ...OfficeTab.properties, overview: { state: true } };
  overview: OverviewAnswer | null = null;

  connectedCallback() {
    super.connectedCallback();
    if (!this.hasUpdated)
      void this.run(async () => {
        this.overview = await get<OverviewAnswer>(this.base, '/overview');
      });
  }

  render() {
    const o = this.overview;
    return html`
      <h2>${msg('Pregled')}</h2>
      ${statusLine(this.status)}
      ${o ? this.renderNumbers(o) : this.busy ? html`<p role="status">${msg('Učitavanje…')}</p>` : nothing}
    `;
  }

  private renderNumbers(o: OverviewAnswer) {
    const { consumers, registered, emailBills, accounts, accountsWithPasskey } = o;
    const figures: [string, string, string][] = [
      [msg('Registrovani potrošači'), share(registered, consumers), msg(str`${registered} od ${consumers} potrošača`)],
      [msg('Računi na e-mail'), share(emailBills, consumers), msg(str`${emailBills} od ${consumers} potrošača`)],
      [
        msg('Nalozi sa pristupnim ključem'),
        share(accountsWithPasskey, accounts),
        msg(str`${accountsWithPasskey} od ${accounts} potvrđenih naloga`),
      ],
      [msg('Adrese koje ne primaju poštu'), String(o.undeliverable), msg('računi im idu na papiru')],
      [msg('Zaključane šifre potrošača'), String(o.lockedCodes), msg('PIN se sada ne prima')],
    ];
    return html`
      <dl class="jpo-figures jpo-big">
        ${figures.map(([label, value, detail]) => html`<div><dt>${label}</dt><dd><strong>${value}</strong> <span class="jp-hint">${detail}</span></dd></div>`)}
      </dl>
      <section class="jpo-box" aria-labelledby="jpo-weeks-title">
        <h3 id="jpo-weeks-title">${msg('Registracije po nedeljama (poslednjih 12)')}</h3>
        <ul class="jpo-legend" aria-hidden="true">
          <li><span class="jpo-key jpo-key-begun"></span>${msg('započete')}</li>
          <li><span class="jpo-key jpo-key-confirmed"></span>${msg('potvrđene')}</li>
        </ul>
        <svg class="jpo-chart" viewBox=${`0 0 ${W} ${H}`} role="img" aria-labelledby="jpo-weeks-title" aria-describedby="jpo-weeks-note">${chart(o.weeks)}</svg>
        <p class="jp-hint" id="jpo-weeks-note">${msg('Iste brojke, i prijave, su u tabeli ispod.')}</p>
        <div class="jpo-scroll"><table>
          <caption class="jp-hint">${msg('Registracije i prijave po nedeljama')}</caption>
          <thead><tr><th scope="col">${msg('Nedelja')}</th><th scope="col">${msg('Započete registracije')}</th><th scope="col">${msg('Potvrđene registracije')}</th><th scope="col">${msg('Prijave')}</th></tr></thead>
          <tbody>${o.weeks.map((w) => html`<tr><th scope="row">${w.week}</th><td>${w.registrations}</td><td>${w.confirmed}</td><td>${w.logins}</td></tr>`)}</tbody>
        </table></div>
      </section>
    `;
  }
}

if (!customElements.get('jpo-overview')) customElements.define('jpo-overview', OfficeOverview);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-overview': OfficeOverview;
  }
}
