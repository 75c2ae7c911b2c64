// The 12-month chart of a consumer's bills: one bar per month (inline SVG, no library), paid
// bars solid, unpaid ones hatched in the error colour (told apart without colour too), a month
// without a bill left empty; and the same figures as a table for screen readers and anyone who
// wants the numbers (the SVG itself is hidden from assistive technology).
import { html, svg, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { billState, money, period, stateText } from './jp-bills-format.js';
import type { BillSummary } from '../../contract/responses.ts';

// About a phone's width in px, so the words stay about 11 px on the narrowest phone.
const W = 240;
const H = 130;
const TOP = 18;
const BOTTOM = 20;

/** The 12 periods ending at `last` ("2026-11" → "2025-12" … "2026-11"). */
export function lastMonths(last: string, n = 12): string[] {
  const [y, m] = last.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** A month's short name under its bar: the first three letters of its name in the locale. */
const short = (p: string) => period(p).slice(0, 3);

export function billsChart(id: string, code: string, history: BillSummary[], several: boolean) {
  if (history.length === 0) return nothing;
  const months = lastMonths(history[history.length - 1].period);
  const byPeriod = new Map(history.map((b) => [b.period, b]));
  const max = Math.max(...history.map((b) => b.amount));
  const slot = W / months.length;
  const bar = slot * 0.62;
  const scale = (H - TOP - BOTTOM) / max;
  const title = several
    ? msg(str`Računi za šifru ${code} u poslednjih 12 meseci`)
    : msg('Računi u poslednjih 12 meseci');
  const hatch = `${id}-unpaid`;
  return html`<figure class="jp-chart">
    <figcaption id=${`${id}-cap`}>${title}</figcaption>
    <svg viewBox=${`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <defs>
        <pattern id=${hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" class="jp-bar-unpaid-bg"></rect><rect width="3" height="6" class="jp-bar-unpaid"></rect>
        </pattern>
      </defs>
      <line x1="0" x2=${W} y1=${TOP} y2=${TOP} class="jp-grid"></line>
      <text x="0" y=${TOP - 5} class="jp-axis">${money(max)}</text>
      <line x1="0" x2=${W} y1=${H - BOTTOM} y2=${H - BOTTOM} class="jp-base"></line>
      ${months.map((p, i) => {
        const b = byPeriod.get(p);
        const x = i * slot + (slot - bar) / 2;
        const h = b ? Math.max(2, b.amount * scale) : 0;
        return svg`${
          b
            ? svg`<rect x=${x} y=${H - BOTTOM - h} width=${bar} height=${h}
                class=${b.paid ? 'jp-bar-paid' : 'jp-bar-open'} fill=${b.paid ? nothing : `url(#${hatch})`}></rect>`
            : nothing
        }${
          // Every other month, counting back from the latest (labelled always), so the words fit a phone.
          (months.length - 1 - i) % 2 === 0
            ? svg`<text x=${i * slot + slot / 2} y=${H - 5} text-anchor="middle" class="jp-axis">${short(p)}</text>`
            : nothing
        }`;
      })}
    </svg>
    <p class="jp-legend" aria-hidden="true"><span class="jp-key jp-key-paid"></span>${msg('plaćeno')}
      <span class="jp-key jp-key-open"></span>${msg('nije plaćeno')}</p>
    <details>
      <summary>${msg('Iznosi po mesecima')}</summary>
      <table class="jp-items">
        <caption class="jp-sr">${title}</caption>
        <thead><tr><th scope="col">${msg('Mesec')}</th><th scope="col">${msg('Iznos')}</th><th scope="col">${msg('Stanje')}</th></tr></thead>
        <tbody>${[...history]
          .reverse()
          .map(
            (b) =>
              html`<tr><th scope="row">${period(b.period)}</th><td>${money(b.amount)}</td><td>${stateText(billState(b))}</td></tr>`,
          )}</tbody>
      </table>
    </details>
  </figure>`;
}
