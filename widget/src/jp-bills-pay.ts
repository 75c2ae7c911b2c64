// Paying a bill (or, where the utility takes it, all unpaid bills at once), phone first: the one
// amount to pay with its due date, then the IPS QR code large enough to scan from another phone
// and the same code as a PNG to save (a phone cannot scan its own screen: banking apps read it from
// the gallery), then "ili prepišite podatke", the slip as the bank asks for it. Every field a
// banking app asks for has a copy button (copy-button.ts: "✓ Kopirano" beside it, and announced).
// Invariant: the amount written first is the slip's and the QR code's, never another figure.
// The slip's words in the page's script.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { date, money, words } from './jp-bills-format.js';
import { copyButton, plainAmount } from './copy-button.js';
import type { PaymentSlip } from '../../contract/responses.ts';

/** The server's QR SVG as a DOM node (no data: URL, so a strict img-src still shows it). */
export function qrNode(svg: string, label: string): Node | typeof nothing {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return nothing;
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', label);
  root.setAttribute('class', 'jp-qr');
  return document.importNode(root, true);
}

function row(label: string, shown: string, value?: string) {
  return html`<div class="jp-slip-row">
    <dt>${label}</dt>
    <dd><span class="jp-slip-value">${shown}</span>${value === undefined ? nothing : copyButton(value, label)}</dd>
  </div>`;
}

export interface PayOptions {
  slip: PaymentSlip;
  qrSvg: string;
  /** The amount to pay: the slip's and the QR code's (a bill's `toPay`). */
  amount: number;
  /** The due date (a bill's; none for the payment of several bills). */
  due?: string;
  /** What the resident must know before paying, between the amount and the QR code (older debt). */
  note?: unknown;
  /** The PNG of the QR code, to save (GET /api/bills/:id/qr.png). */
  png?: { href: string; file: string };
}

export function payment(o: PayOptions) {
  const s = o.slip;
  const payee = words(s.payee);
  const purpose = words(s.purpose);
  const amount = money(o.amount);
  return html`<div class="jp-pay">
    <p class="jp-to-pay">${o.due ? msg(str`Za uplatu ${amount}, rok ${date(o.due)}`) : msg(str`Za uplatu ${amount}`)}</p>
    ${o.note ?? nothing}
    <h4>${msg('Plaćanje IPS QR kodom')}</h4>
    <p>${msg('U aplikaciji svoje banke izaberite „IPS skeniraj“ i skenirajte kod.')}</p>
    ${qrNode(o.qrSvg, msg('IPS QR kod za plaćanje'))}
    ${
      o.png
        ? html`<p>${msg('Plaćate sa ovog telefona? Preuzmite kod kao sliku i u aplikaciji banke izaberite je iz galerije.')}</p>
          <p><a class="jp-button" href=${o.png.href} download=${o.png.file}>${msg('Preuzmite QR kod')}</a></p>`
        : nothing
    }
    <h4 class="jp-or-copy">${msg('ili prepišite podatke')}</h4>
    <dl class="jp-slip">
      ${row(msg('Primalac'), payee, payee)}
      ${row(msg('Račun primaoca'), s.account, s.account)}
      ${row(msg('Iznos'), money(s.amount), plainAmount(s.amount))}
      ${row(msg('Model'), s.model, s.model)}
      ${row(msg('Poziv na broj'), s.reference, s.reference)}
      ${row(msg('Šifra plaćanja'), s.paymentCode, s.paymentCode)}
      ${row(msg('Svrha uplate'), purpose, purpose)}
      ${row(msg('Uplatilac'), words(s.payer))}
    </dl>
    <p class="jp-copied jp-sr" role="status" aria-live="polite"></p>
  </div>`;
}
