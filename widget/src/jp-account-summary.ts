// The account area's first view: per consumer code what a resident came for — the address, the
// current debt (the unpaid bills' total, as on the bills page), the latest bill and its state, and "Platite". Several unpaid bills get their
// total and what to do, per the utility's rule: pay each bill with its own slip, or (where the
// utility takes it) all at once with the consumer's reference.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { billState, date, money, period, stateText, words } from './jp-bills-format.js';
import type { ConsumerSummary } from '../../contract/responses.ts';

export interface SummaryActions {
  openBill(id: string): void;
  openTotal(code: string): void;
  showBills(): void;
}

function card(c: ConsumerSummary, a: SummaryActions) {
  const latest = c.history[c.history.length - 1];
  const unpaid = c.unpaid;
  const oldest = unpaid[0];
  return html`<section class="jp-card" aria-labelledby=${`jp-sum-${c.code}`}>
    <h3 id=${`jp-sum-${c.code}`} tabindex="-1">${msg('Šifra potrošača')} ${c.code}</h3>
    <p>${words(c.name)}, ${words(c.address)}</p>
    <p class="jp-debt">${msg('Trenutno dugovanje')}: <strong>${money(c.unpaidTotal)}</strong></p>
    ${
      latest
        ? html`<p>${msg('Poslednji račun')}: <strong>${period(latest.period)}</strong><br />${money(latest.amount)},
            ${msg('rok za plaćanje')} ${date(latest.dueDate)}<br />
            <span class=${`jp-state jp-${billState(latest)}`}>${stateText(billState(latest))}</span></p>`
        : html`<p>${msg('Još nema računa.')}</p>`
    }
    ${
      unpaid.length > 1
        ? html`<p><strong>${msg(str`Neplaćenih računa: ${unpaid.length}, ukupno ${money(c.unpaidTotal)}`)}</strong>
            ${
              c.total
                ? msg('Možete ih platiti jednom uplatom, sa pozivom na broj Vaše šifre potrošača.')
                : msg('Platite svaki račun posebno, sa njegovim pozivom na broj: svaki ima svoju uplatnicu i QR kod.')
            }</p>
          ${
            c.total
              ? nothing
              : html`<ul class="jp-list">${unpaid.map(
                  (
                    b,
                  ) => html`<li><button type="button" class="jp-link" @click=${() => a.openBill(b.id)}>${msg(str`Račun za ${period(b.period)}`)}</button>
                    <span>${money(b.amount)}</span><span class=${`jp-state jp-${billState(b)}`}>${stateText(billState(b))}</span></li>`,
                )}</ul>`
          }`
        : nothing
    }
    ${
      oldest
        ? html`<p><button type="button" @click=${() => (c.total ? a.openTotal(c.code) : a.openBill(oldest.id))}>${
            c.total
              ? msg(str`Platite ukupno ${money(c.unpaidTotal)}`)
              : unpaid.length > 1
                ? msg(str`Platite račun za ${period(oldest.period)}`)
                : msg('Platite')
          }</button></p>`
        : latest
          ? html`<p class="jp-state jp-paid">${msg('Nemate neplaćenih računa.')}</p>`
          : nothing
    }
  </section>`;
}

export function summary(consumers: ConsumerSummary[], a: SummaryActions) {
  return html`${consumers.map((c) => card(c, a))}
    <p><button type="button" class="jp-link" @click=${a.showBills}>${msg('Svi računi i iznosi po mesecima')}</button></p>`;
}
