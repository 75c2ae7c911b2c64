// <jp-bills>: the resident's consumers with their balance, the bill archive (newest first,
// paged) and a bill's detail: items, payment slip, the NBS IPS QR code and the PDF.
// Loaded on demand after login, so the login page stays small.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { billsStyles } from './jp-bills.styles.js';
import { listStyles } from './lists.styles.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { getLocale } from './localize.js';
import { formatDate, formatMoney, formatPeriod } from '../../contract/format.ts';
import type { Locale } from '../../contract/locales.ts';
import type {
  BillAnswer,
  BillDetail,
  BillSummary,
  BillsPage,
  ConsumerSummary,
  ConsumersAnswer,
} from '../../contract/responses.ts';

// Figures in the page's locale, as the mails and PDFs write them (contract/format.ts).
const money = (n: number) => formatMoney(n, getLocale() as Locale);
const date = (iso: string) => formatDate(iso, getLocale() as Locale);
const period = (p: string) => formatPeriod(p, getLocale() as Locale);

/** The server's QR SVG as a DOM node (no data: URL, so a strict img-src still shows it). */
function qrNode(svg: string, label: string): Node | typeof nothing {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return nothing;
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', label);
  root.setAttribute('class', 'jp-qr');
  return document.importNode(root, true);
}

export class JpBills extends JpElement {
  static styles = [JpElement.styles, listStyles, billsStyles];
  static properties = {
    consumers: { state: true },
    bills: { state: true },
    detail: { state: true },
    page: { state: true },
    total: { state: true },
  };
  consumers: ConsumerSummary[] = [];
  bills: BillSummary[] = [];
  detail: BillDetail | null = null;
  page = 1;
  total = 0;
  private pageSize = 12;
  private form = new FormController(this);

  connectedCallback() {
    super.connectedCallback();
    void this.load(1, false);
  }

  /** Loads a page of bills (and the balances); also called after a consumer code is linked. */
  async load(page: number, focus = true) {
    await this.form.submit(
      async () => {
        const [c, b] = await Promise.all([
          this.call<ConsumersAnswer>('GET', '/api/account/consumers'),
          this.call<BillsPage>('GET', `/api/bills?page=${page}`),
        ]);
        this.consumers = c.consumers;
        this.bills = b.bills;
        this.total = b.total;
        this.pageSize = b.pageSize;
        this.page = page;
      },
      failureText,
      focus,
    );
  }

  private open(id: string) {
    return async () => {
      await this.form.submit(async () => {
        this.detail = (await this.call<BillAnswer>('GET', `/api/bills/${id}`)).bill;
        await this.updateComplete;
        this.querySelector<HTMLElement>('h3')?.focus();
      }, failureText);
    };
  }

  private async back() {
    const id = this.detail?.id;
    this.detail = null;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-bill="${id}"]`)?.focus();
  }

  render() {
    return this.detail ? this.renderDetail(this.detail) : this.renderList();
  }

  private renderList() {
    const pages = Math.max(1, Math.ceil(this.total / this.pageSize));
    return html`${this.consumers.map(
      (c) => html`<p><strong>${c.code}</strong> — ${c.name}, ${c.address}<br />
        ${msg('Trenutno dugovanje')}: <strong>${money(c.balance)}</strong></p>`,
    )}
      <h3 tabindex="-1">${msg('Računi')}</h3>
      ${statusLine(this.form.status)}
      ${this.bills.length === 0 && !this.form.busy ? html`<p>${msg('Još nema računa.')}</p>` : nothing}
      <ul class="jp-list">
        ${this.bills.map(
          (b) => html`<li>
          <button type="button" class="jp-link" data-bill=${b.id} @click=${this.open(b.id)}>${msg(str`Račun za ${period(b.period)}`)}${this.consumers.length > 1 ? ` · ${b.consumerCode}` : ''}</button>
          <span>${money(b.amount)}</span>
          <span>${msg('Rok')}: ${date(b.dueDate)}</span>
          <span class=${b.paid ? 'jp-paid' : 'jp-unpaid'}>${b.paid ? msg('Plaćeno') : msg('Nije plaćeno')}</span>
        </li>`,
        )}
      </ul>
      ${
        pages > 1
          ? html`<div class="jp-row">
            <button type="button" class="jp-secondary" ?disabled=${this.page <= 1} @click=${() => this.load(this.page - 1)}>${msg('Novije')}</button>
            <span>${msg(str`Strana ${this.page} od ${pages}`)}</span>
            <button type="button" class="jp-secondary" ?disabled=${this.page >= pages} @click=${() => this.load(this.page + 1)}>${msg('Starije')}</button>
          </div>`
          : nothing
      }`;
  }

  private renderDetail(b: BillDetail) {
    const s = b.slip;
    return html`<h3 tabindex="-1">${msg(str`Račun za ${period(b.period)}`)}</h3>
      <table class="jp-items">
        <thead><tr><th scope="col">${msg('Stavka')}</th><th scope="col">${msg('Iznos')}</th></tr></thead>
        <tbody>${b.items.map((i) => html`<tr><td>${i.description}</td><td>${money(i.amount)}</td></tr>`)}</tbody>
        <tfoot><tr><th scope="row">${msg('Ukupno za uplatu')}</th><td>${money(b.amount)}</td></tr></tfoot>
      </table>
      <p>${msg('Rok')}: ${date(b.dueDate)} · ${b.paid ? msg('Plaćeno') : msg('Nije plaćeno')}</p>
      <h4>${msg('Nalog za uplatu')}</h4>
      <dl>
        <dt>${msg('Primalac')}</dt><dd>${s.payee}</dd>
        <dt>${msg('Račun primaoca')}</dt><dd>${s.account}</dd>
        <dt>${msg('Iznos')}</dt><dd>${money(s.amount)}</dd>
        <dt>${msg('Model i poziv na broj')}</dt><dd>${s.model} ${s.reference}</dd>
        <dt>${msg('Šifra plaćanja')}</dt><dd>${s.paymentCode}</dd>
        <dt>${msg('Svrha uplate')}</dt><dd>${s.purpose}</dd>
      </dl>
      ${b.paid ? nothing : html`<p>${msg('Platite skeniranjem IPS QR koda u aplikaciji Vaše banke.')}</p>${qrNode(b.qrSvg, msg('IPS QR kod za plaćanje'))}`}
      <div class="jp-row">
        <a href=${`${this.api}/api/bills/${b.id}/pdf?locale=${getLocale()}`} download>${msg('Preuzmite PDF')}</a>
        <button type="button" class="jp-secondary" @click=${this.back}>${msg('Nazad na račune')}</button>
      </div>`;
  }
}

define('jp-bills', JpBills);

declare global {
  interface HTMLElementTagNameMap {
    'jp-bills': JpBills;
  }
}
