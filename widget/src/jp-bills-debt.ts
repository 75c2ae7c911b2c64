// A bill's older debt: the consumer's older unpaid bills are a line of their own, shown between
// the amount to pay and the QR code, that leads to each of them — never added to this slip's
// amount (the amount to pay is the API's `toPay`, the slip's and the IPS QR code's: jp-bills-pay.ts).
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { money, period } from './jp-bills-format.js';
import type { BillDetail } from '../../contract/responses.ts';

export function olderDebt(b: BillDetail, openBill: (id: string) => void) {
  const older = b.older.bills;
  if (b.paid || !older.length) return nothing;
  return html`<div class="jp-older">
    <p>${msg(str`Dug iz ranijih računa: ${money(b.older.total)}`)}
      ${msg('Ova uplatnica plaća samo ovaj račun; raniji računi se plaćaju svojim uplatnicama:')}</p>
    <ul class="jp-list">${older.map(
      (
        o,
      ) => html`<li><button type="button" class="jp-link" @click=${() => openBill(o.id)}>${msg(str`Račun za ${period(o.period)}`)}</button>
        <span>${money(o.amount)}</span></li>`,
    )}</ul>
  </div>`;
}
