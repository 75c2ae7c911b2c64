// <jp-bills>: a bill's state (paid, to pay, overdue: told by words and weight, not colour alone),
// the items, the chart, the payment slip with its copy buttons and the IPS QR code, which fills a
// phone's width (up to 20rem) so another phone scans it easily; each copy button under its value,
// its "✓ Kopirano" beside it (wrapping under it when the text is large); at 200 % text on a 320 px
// phone nothing is wider than the screen (the items' columns fixed, the amounts wrap).
import { css } from 'lit';
import { ok, error, gap, primary, muted } from './tokens.js';

export const billsStyles = css`
  .jp .jp-state { font-weight: 600; }
  .jp .jp-paid { color: ${ok}; }
  .jp .jp-due { color: ${error}; }
  .jp .jp-overdue { color: #fff; background: ${error}; padding: 0 .4rem; border-radius: 4px; }
  .jp .jp-items { width: 100%; border-collapse: collapse; margin-bottom: ${gap}; font-size: .95rem; table-layout: fixed; }
  .jp .jp-items :is(th, td) { text-align: left; padding: .3rem .15rem; border-bottom: 1px solid #d0d0d0; vertical-align: top;
    overflow-wrap: anywhere; hyphens: auto; }
  /* Fixed columns: at large text an amount wraps (after its number) instead of widening the page. */
  .jp .jp-items :is(th, td):last-child { width: 45%; text-align: right; }
  .jp .jp-qr { width: 20rem; max-width: 100%; height: auto; display: block; margin: 0 auto ${gap}; }
  .jp .jp-slip { margin: 0 0 ${gap}; }
  .jp .jp-slip-row { padding: .4rem 0; border-bottom: 1px solid #e0e0e0; }
  .jp .jp-slip-row dt { font-weight: 400; color: ${muted}; font-size: .9rem; }
  .jp .jp-slip-row dd { margin: 0; display: flex; flex-direction: column; align-items: flex-start; gap: .25rem;
    font-weight: 600; }
  .jp .jp-slip-value { overflow-wrap: anywhere; min-width: 0; }
  .jp .jp-copy-line { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; }
  .jp button.jp-copy { padding: .35rem .75rem; min-height: 2.5rem; font-weight: 400; }
  .jp .jp-copy-done { color: ${ok}; font-weight: 600; }
  .jp .jp-copy-done.jp-bad-copy { color: ${error}; }
  .jp .jp-or-copy { display: flex; align-items: center; gap: .75rem; font-weight: 600; margin: ${gap} 0 .25rem; }
  .jp .jp-or-copy::before, .jp .jp-or-copy::after { content: ''; flex: 1; border-top: 1px solid #d0d0d0; }
  .jp .jp-items caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  .jp .jp-back { min-height: 2.75rem; }
  .jp .jp-to-pay { font-size: 1.25rem; font-weight: 700; margin: 0 0 .5rem; overflow-wrap: break-word; }
  .jp .jp-older { border-left: 4px solid ${error}; padding: .25rem 0 .25rem .75rem; margin: 0 0 ${gap}; }
  .jp .jp-chart { margin: 0 0 ${gap}; }
  .jp .jp-chart figcaption { font-weight: 600; margin-bottom: .25rem; }
  /* The labels grow with the page's text size (by a third at 200 %: more would run into each other), drawn beyond the box if need be. */
  .jp .jp-chart svg { width: 100%; max-width: 30rem; height: auto; display: block; overflow: visible; margin: .5em 0 .25em; }
  .jp .jp-chart .jp-axis { font-size: clamp(11.5px, .6rem, 16px); fill: #1a1a1a; }
  .jp .jp-chart .jp-grid { stroke: #d0d0d0; stroke-dasharray: 3 3; }
  .jp .jp-chart .jp-base { stroke: #6b6b6b; }
  .jp .jp-chart .jp-bar-paid { fill: ${primary}; }
  .jp .jp-chart .jp-bar-open { stroke: ${error}; stroke-width: 1.5; }
  .jp .jp-chart .jp-bar-unpaid { fill: ${error}; }
  .jp .jp-chart .jp-bar-unpaid-bg { fill: #fdecee; }
  .jp .jp-legend { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: center; font-size: .9rem; margin: .25rem 0; }
  .jp .jp-key { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; }
  .jp .jp-key-paid { background: ${primary}; }
  /* Written without spaces after its commas: a value with var() is kept as written, so the minified sheet must already match it. */
  .jp .jp-key-open { background: repeating-linear-gradient(45deg,${error} 0 3px,#fdecee 3px 6px); border: 1px solid ${error}; }
  .jp .jp-chart details { margin-top: .25rem; }
  .jp .jp-chart summary { cursor: pointer; color: ${primary}; text-decoration: underline; min-height: 24px; }
`;
