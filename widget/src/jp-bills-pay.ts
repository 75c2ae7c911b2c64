// Paying a bill (or, where the utility takes it, all unpaid bills at once): the payment slip as
// the bank asks for it, each field a resident types into a banking app with a copy button
// ("Kopirano" is announced in a live region), the IPS QR code large enough to scan from another
// phone, and the same code as a PNG to save, for banking apps that read a QR code from the
// gallery (a phone cannot scan its own screen). The slip's words in the page's script.
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { money, words } from './jp-bills-format.js';
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

/** Copies the text; the async Clipboard API where the page may use it, else a selection. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'jp-sr';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function copy(text: string, what: string) {
  return async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    const live = button.closest('.jp-pay')?.querySelector('.jp-copied');
    const ok = await copyText(text);
    if (!live) return;
    // Emptied first, so copying the same field twice is announced twice.
    live.textContent = '';
    await new Promise((r) => setTimeout(r, 50));
    live.textContent = ok ? `${msg('Kopirano')}: ${what}` : msg('Kopiranje nije uspelo. Prepišite podatak.');
  };
}

/** The amount as a banking app's field takes it: "1860,00". */
const plainAmount = (n: number) => n.toFixed(2).replace('.', ',');

function row(label: string, shown: string, value?: string) {
  return html`<div class="jp-slip-row">
    <dt>${label}</dt>
    <dd><span class="jp-slip-value">${shown}</span>${
      value === undefined
        ? nothing
        : html`<button type="button" class="jp-secondary jp-copy" @click=${copy(value, label)}>${msg('Kopirajte')}<span class="jp-sr"> ${label}</span></button>`
    }</dd>
  </div>`;
}

export interface PayOptions {
  slip: PaymentSlip;
  qrSvg: string;
  /** The PNG of the QR code, to save (GET /api/bills/:id/qr.png). */
  png?: { href: string; file: string };
}

export function payment(o: PayOptions) {
  const s = o.slip;
  return html`<div class="jp-pay">
    <h4>${msg('Nalog za uplatu')}</h4>
    <dl class="jp-slip">
      ${row(msg('Primalac'), words(s.payee))}
      ${row(msg('Račun primaoca'), s.account, s.account)}
      ${row(msg('Iznos'), money(s.amount), plainAmount(s.amount))}
      ${row(msg('Model'), s.model, s.model)}
      ${row(msg('Poziv na broj'), s.reference, s.reference)}
      ${row(msg('Šifra plaćanja'), s.paymentCode)}
      ${row(msg('Svrha uplate'), words(s.purpose))}
      ${row(msg('Uplatilac'), words(s.payer))}
    </dl>
    <p class="jp-copied jp-sr" role="status" aria-live="polite"></p>
    <h4>${msg('Plaćanje IPS QR kodom')}</h4>
    <p>${msg('U aplikaciji svoje banke izaberite „IPS skeniraj” i skenirajte kod.')}</p>
    ${qrNode(o.qrSvg, msg('IPS QR kod za plaćanje'))}
    ${
      o.png
        ? html`<p>${msg('Plaćate sa ovog telefona? Preuzmite kod kao sliku i u aplikaciji banke izaberite je iz galerije.')}</p>
          <p><a class="jp-button" href=${o.png.href} download=${o.png.file}>${msg('Preuzmite QR kod')}</a></p>`
        : nothing
    }
  </div>`;
}
