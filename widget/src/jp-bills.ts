// <jp-bills>: the bill archive — each consumer's 12-month chart above the list (newest first,
// paged), a bill's page phone first (the amount to pay and its due date, the IPS QR code as a
// picture and as a PNG to save, then the payment slip with copy buttons, the items last, the PDF),
// and, where the utility takes one payment for several unpaid bills, that payment. Inside
// <jp-account> it gets the consumers from it; alone it asks for them. Loaded on demand after
// login, so the login page stays small.
import { qrPngName } from '../../contract/file-names.ts';
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { billsStyles } from './jp-bills.styles.js';
import { accountStyles } from './jp-account.styles.js';
import { listStyles } from './lists.styles.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { getLocale } from './localize.js';
import { billState, date, money, period, stateText, words } from './jp-bills-format.js';
import { billsChart } from './jp-bills-chart.js';
import { olderDebt } from './jp-bills-debt.js';
import { payment } from './jp-bills-pay.js';
import { placed } from './address.js';
import type {
  BillAnswer,
  BillDetail,
  BillSummary,
  BillsPage,
  ConsumerSummary,
  ConsumersAnswer,
} from '../../contract/responses.ts';

/** The bill archive with payment slips, IPS QR codes and PDFs. */
export class JpBills extends JpElement {
  static styles = [JpElement.styles, listStyles, accountStyles, billsStyles];
  static properties = {
    consumers: { attribute: false },
    bills: { state: true },
    detail: { state: true },
    totalOf: { state: true },
    page: { state: true },
    total: { state: true },
  };
  /** Given by <jp-account>; fetched by the element when it stands alone. */
  consumers: ConsumerSummary[] | null = null;
  bills: BillSummary[] = [];
  detail: BillDetail | null = null;
  /** The consumer whose unpaid bills are paid at once (the utility's `total` rule). */
  totalOf: ConsumerSummary | null = null;
  page = 1;
  total = 0;
  private pageSize = 12;
  private loaded = false;
  private loading: Promise<void> = Promise.resolve();
  private form = new FormController(this);

  connectedCallback() {
    super.connectedCallback();
    if (!this.loaded) void this.load(1, false);
  }

  /** Loads a page of bills (and the consumers, when alone); also called after a consumer code is linked. */
  async load(page: number, focus = true) {
    this.loaded = true;
    this.loading = this.fetchPage(page, focus);
    await this.loading;
  }

  private async fetchPage(page: number, focus: boolean) {
    const standalone = !this.closest('jp-account');
    await this.form.submit(
      async () => {
        const [b, c] = await Promise.all([
          this.call<BillsPage>('GET', `/api/bills?page=${page}`),
          standalone ? this.call<ConsumersAnswer>('GET', '/api/account/consumers') : null,
        ]);
        if (c) this.consumers = c.consumers;
        this.bills = b.bills;
        this.total = b.total;
        this.pageSize = b.pageSize;
        this.page = page;
      },
      failureText,
      focus,
    );
    if (focus) this.focusHeading();
  }

  /**
   * Shows a bill's page (from the list, or the account's summary); `atQr` ("Platite") scrolls
   * the QR code into view too, its heading still focused.
   */
  async openBill(id: string, atQr = false) {
    // Asked for at once from the summary: after the list's first load, not dropped as a double submit.
    await this.loading;
    await this.form.submit(async () => {
      this.detail = (await this.call<BillAnswer>('GET', `/api/bills/${id}`)).bill;
      this.totalOf = null;
      placed(this, this.place);
      await this.updateComplete;
      this.focusHeading(atQr);
    }, failureText);
  }

  /** Shows the one payment for all of this consumer's unpaid bills ("Platite ukupno": at the QR code). */
  async openTotal(code: string, atQr = false) {
    this.totalOf = this.consumers?.find((c) => c.code === code) ?? null;
    this.detail = null;
    placed(this, this.place);
    await this.updateComplete;
    this.focusHeading(atQr);
  }

  /** Its place in the portal's address (address.ts): the list, a bill or the total. */
  get place() {
    return this.detail ? `racun=${this.detail.id}` : this.totalOf?.total ? `ukupno=${this.totalOf.code}` : 'racuni';
  }

  /** Back to the list (its button, or Back in the browser). */
  async back() {
    const id = this.detail?.id;
    this.detail = null;
    this.totalOf = null;
    placed(this, this.place);
    await this.updateComplete;
    (this.querySelector<HTMLElement>(`[data-bill="${id}"]`) ?? this.querySelector<HTMLElement>('h3'))?.focus();
  }

  /** Focuses the heading; `atQr`: and scrolls no further than needed to show the whole QR code. */
  focusHeading(atQr = false) {
    this.querySelector<HTMLElement>('h3')?.focus();
    if (atQr) this.querySelector('.jp-qr')?.scrollIntoView({ block: 'nearest' });
  }

  render() {
    if (this.detail) return this.renderDetail(this.detail);
    if (this.totalOf?.total) return this.renderTotal(this.totalOf);
    return this.renderList();
  }

  private get several() {
    return (this.consumers?.length ?? 0) > 1;
  }

  private renderList() {
    const pages = Math.max(1, Math.ceil(this.total / this.pageSize));
    return html`<h3 tabindex="-1">${msg('Računi')}</h3>
      ${statusLine(this.form.status)}
      ${(this.consumers ?? []).map((c) => billsChart(`${this.id$}-${c.code}`, c.code, c.history, this.several))}
      ${this.bills.length === 0 && !this.form.busy ? html`<p>${msg('Još nema računa.')}</p>` : nothing}
      <ul class="jp-list jp-bill-list">
        ${this.bills.map((b) => {
          const s = billState(b);
          return html`<li>
            <button type="button" class="jp-link" data-bill=${b.id} @click=${() => this.openBill(b.id)}>${msg(str`Račun za ${period(b.period)}`)}${this.several ? ` · ${b.consumerCode}` : ''}</button>
            <span>${money(b.amount)}</span>
            <span>${msg('Rok')}: ${date(b.dueDate)}</span>
            <span class=${`jp-state jp-${s}`}>${stateText(s)}</span>
          </li>`;
        })}
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

  private backButton() {
    return html`<p><button type="button" class="jp-link jp-back" @click=${this.back}><span aria-hidden="true">←</span> ${msg('Nazad na račune')}</button></p>`;
  }

  private renderDetail(b: BillDetail) {
    const s = billState(b);
    const consumer = this.consumers?.find((c) => c.code === b.consumerCode);
    return html`${this.backButton()}
      <h3 tabindex="-1">${msg(str`Račun za ${period(b.period)}`)}</h3>
      ${statusLine(this.form.status)}
      <p class=${`jp-state jp-${s}`}>${stateText(s)}${b.paidAt ? ` ${date(b.paidAt)}` : nothing}</p>
      ${b.paid ? html`<p>${msg('Rok za plaćanje')}: <strong>${date(b.dueDate)}</strong></p>` : nothing}
      ${this.several && consumer ? html`<p>${msg('Šifra potrošača')} ${b.consumerCode}, ${words(consumer.address)}</p>` : nothing}
      ${
        b.paid
          ? nothing
          : payment({
              slip: b.slip,
              qrSvg: b.qrSvg,
              amount: b.toPay,
              due: b.dueDate,
              note: olderDebt(b, (id) => this.openBill(id)),
              png: {
                href: `${this.api}/api/bills/${b.id}/qr.png`,
                file: qrPngName(b.consumerCode, b.period),
              },
            })
      }
      <table class="jp-items">
        <caption>${msg('Stavke računa')}</caption>
        <thead><tr><th scope="col">${msg('Stavka')}</th><th scope="col">${msg('Iznos')}</th></tr></thead>
        <tbody>${b.items.map((i) => html`<tr><td>${words(i.description)}</td><td>${money(i.amount)}</td></tr>`)}</tbody>
        <tfoot><tr><th scope="row">${msg('Iznos računa')}</th><td>${money(b.amount)}</td></tr></tfoot>
      </table>
      <p><a href=${`${this.api}/api/bills/${b.id}/pdf?locale=${getLocale()}`} download>${msg('Preuzmite PDF')}</a></p>`;
  }

  private renderTotal(c: ConsumerSummary) {
    const t = c.total!;
    return html`${this.backButton()}
      <h3 tabindex="-1">${msg('Plaćanje svih neplaćenih računa')}</h3>
      <p>${msg(str`Šifra potrošača ${c.code}: ukupno ${money(c.unpaidTotal)} za ${c.unpaid.length} računa.`)}</p>
      ${payment({
        slip: t.slip,
        qrSvg: t.qrSvg,
        amount: t.slip.amount,
        png: {
          href: `${this.api}/api/account/consumers/${encodeURIComponent(c.code)}/qr.png`,
          file: qrPngName(c.code, 'ukupno'),
        },
      })}
      <ul class="jp-list">
        ${c.unpaid.map((b) => {
          const s = billState(b);
          return html`<li><span>${msg(str`Račun za ${period(b.period)}`)}</span><span>${money(b.amount)}</span>
            <span class=${`jp-state jp-${s}`}>${stateText(s)}</span></li>`;
        })}
      </ul>`;
  }
}

define('jp-bills', JpBills);

declare global {
  interface HTMLElementTagNameMap {
    'jp-bills': JpBills;
  }
}
