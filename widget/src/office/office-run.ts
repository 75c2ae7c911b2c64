// <jpo-run>, a bill run watched live (in Uvoz): the period (`follow`ed after an import of bills, or
// typed to watch any period's run), its numbers and a progress bar, and "Pošaljite ponovo neuspele" when
// mails failed. Polls GET /api/staff/runs every `OfficeRun.interval` ms while the run is not done.
// Invariant: one watch at a time (an older watch's answer is dropped), and no further request once
// the element is disconnected (the console removes a tab's element when another tab is chosen), the
// run is done or the server refused (a lost connection is tried again).
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { RunProgressAnswer, RunRetryAnswer } from '../../../contract/office.ts';
import { ApiFailure, get, post } from './api.js';
import { OfficeTab, SESSION_ENDED, statusLine } from './tab.js';
import { failureText } from './words.js';

export class OfficeRun extends OfficeTab {
  /** How often the progress is asked for while the run goes on (ms). */
  static interval = 2000;
  static properties = { ...OfficeTab.properties, period: { state: true }, progress: { state: true } };
  /** The period watched (`YYYY-MM`); '' for none. */
  period = '';
  progress: RunProgressAnswer | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The current watch's request is out. */
  private asking = false;
  /** Bumped by each new watch: an answer for an older one is dropped. */
  private watch = 0;

  /** The run is being watched: a request is out or the next one is due. */
  get polling(): boolean {
    return this.asking || this.timer !== undefined;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  private stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.asking = false;
    this.watch++;
  }

  /** Watches the run of `period` (`YYYY-MM`) from now on, afresh even if it was watched already. */
  follow(period: string) {
    this.stop();
    if (this.progress?.period !== period) this.progress = null;
    this.period = period;
    void this.poll(this.watch);
  }

  private async poll(watch: number) {
    this.timer = undefined;
    this.asking = true;
    try {
      const p = await get<RunProgressAnswer>(this.base, `/runs?period=${encodeURIComponent(this.period)}`);
      if (watch !== this.watch) return;
      this.asking = false;
      this.progress = p;
      if (this.status && !this.status.good) this.status = null;
      this.timer = !p.done && this.isConnected ? setTimeout(() => this.poll(watch), OfficeRun.interval) : undefined;
    } catch (e) {
      if (watch !== this.watch) return;
      this.asking = false;
      if (e instanceof ApiFailure && e.code === 'unauthenticated') {
        this.dispatchEvent(new CustomEvent(SESSION_ENDED, { bubbles: true }));
        return;
      }
      this.status = { good: false, text: failureText(e) };
      // A connection lost for a moment does not end the watch; a refusal does.
      if (e instanceof ApiFailure && e.code === 'network_error' && this.isConnected)
        this.timer = setTimeout(() => this.poll(watch), OfficeRun.interval);
    }
  }

  private choose = (e: Event) => {
    e.preventDefault();
    this.follow(String(new FormData(e.target as HTMLFormElement).get('period') ?? ''));
  };

  private retry = () =>
    this.run(async () => {
      const { retried } = await post<RunRetryAnswer>(this.base, `/runs/${encodeURIComponent(this.period)}/retry`, {});
      this.follow(this.period);
      this.status = { good: true, text: msg(str`Ponovo u redu za slanje: ${retried}`) };
    });

  render() {
    const p = this.progress;
    return html`<section class="jpo-box" aria-labelledby="jpo-run-title">
      <h3 id="jpo-run-title">${msg('Slanje računa e-poštom')}</h3>
      <form class="jpo-search" @submit=${this.choose}>
        <div class="jp-field">
          <label for="jpo-run-period">${msg('Obračunski period slanja')}</label>
          <input id="jpo-run-period" name="period" type="month" .value=${this.period} required />
        </div>
        <button type="submit" class="jp-secondary">${msg('Pratite slanje')}</button>
      </form>
      ${statusLine(this.status)}
      ${p ? this.renderProgress(p) : nothing}
    </section>`;
  }

  private renderProgress(p: RunProgressAnswer) {
    const total = p.queued + p.sent + p.failed + p.cancelled + p.undeliverable;
    const handled = total - p.queued;
    const period = p.period;
    const figures: [string, number][] = [
      [msg('Računa u periodu'), p.bills],
      [msg('U redu za slanje'), p.queued],
      [msg('Poslato'), p.sent],
      [msg('Neuspelo'), p.failed],
      [msg('Otkazano'), p.cancelled],
      [msg('Adresa ne prima poštu'), p.undeliverable],
      [msg('Na papiru'), p.paper],
    ];
    return html`
      <p role="status">${p.done ? msg(str`Slanje za ${period} je završeno.`) : msg(str`Slanje za ${period} je u toku.`)}</p>
      <div class="jp-field">
        <label for="jpo-run-bar">${msg(str`Obrađeno poruka: ${handled} od ${total}`)}</label>
        <progress id="jpo-run-bar" max=${Math.max(total, 1)} .value=${total ? handled : 1}></progress>
      </div>
      <dl class="jpo-figures">
        ${figures.map(([label, n]) => html`<div><dt>${label}</dt><dd>${n}</dd></div>`)}
      </dl>
      ${
        p.failed > 0
          ? html`<div class="jpo-actions"><button type="button" aria-busy=${this.busy} @click=${this.retry}>${msg('Pošaljite ponovo neuspele')}</button></div>`
          : nothing
      }`;
  }
}

if (!customElements.get('jpo-run')) customElements.define('jpo-run', OfficeRun);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-run': OfficeRun;
  }
}
