// A bill's one amount to pay: "Za uplatu ovom uplatnicom" is the slip's and the IPS QR code's
// amount (the API's `toPay`), shown large above the slip; the consumer's older unpaid bills are a
// line of their own that leads to each of them, never added to this slip's amount.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { money, period } from './jp-bills-format.js';
import type { BillDetail } from '../../contract/responses.ts';

export function toPay(b: BillDetail, openBill: (id: string) => void) {
  if (b.paid) return nothing;
  const older = b.older.bills;
  return html`<p class="jp-to-pay">${msg('Za uplatu ovom uplatnicom')}: <strong>${money(b.toPay)}</strong></p>
    ${
      older.length
        ? html`<div class="jp-older">
          <p>${msg(str`Dug iz ranijih računa: ${money(b.older.total)}.`)}
            ${msg('Ova uplatnica plaća samo ovaj račun; raniji računi se plaćaju svojim uplatnicama:')}</p>
          <ul class="jp-list">${older.map(
            (
              o,
            ) => html`<li><button type="button" class="jp-link" @click=${() => openBill(o.id)}>${msg(str`Račun za ${period(o.period)}`)}</button>
              <span>${money(o.amount)}</span></li>`,
          )}</ul>
        </div>`
        : nothing
    }`;
}
