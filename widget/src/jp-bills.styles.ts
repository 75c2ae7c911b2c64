// <jp-bills>: paid/unpaid marks, the bill's items and the IPS QR code.
import { css } from 'lit';
import { ok, error, gap } from './tokens.js';

export const billsStyles = css`
  .jp .jp-paid { color: ${ok}; }
  .jp .jp-unpaid { color: ${error}; font-weight: 600; }
  .jp .jp-items { width: 100%; border-collapse: collapse; margin-bottom: ${gap}; }
  .jp .jp-items :is(th, td) { text-align: left; padding: .3rem .25rem; border-bottom: 1px solid #d0d0d0; }
  .jp .jp-items td:last-child { text-align: right; white-space: nowrap; }
  .jp .jp-qr { width: 220px; max-width: 100%; height: auto; display: block; margin: 0 0 ${gap}; }
`;
