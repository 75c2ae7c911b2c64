// The payment slip at the foot of the bill, laid out like the NBS "nalog za uplatu" (uplatnica):
// on the left the payer, the purpose and the payee with the stamp and date lines; on the right the
// payment code, currency and amount, the payee's account, model and reference; under them the IPS
// QR code to pay from a banking app. Invariant: the slip fits between the page's margin and
// SLIP_TOP, every value inside its own box.
import { type Box, type Canvas, INK } from './canvas.ts';
import type { BillContext } from './context.ts';
import { GREY, PAGE, PAID_INK, SLIP_TOP } from './page.ts';
import { qrModules } from './qr.ts';

const LABEL = { size: 7, minSize: 5.5, color: GREY } as const;
const VALUE = { size: 10, minSize: 7, font: 'bold', pad: 5 } as const;

export function drawSlip(c: Canvas, x: BillContext): void {
  const { l, b, t } = x;
  const left = PAGE.margin;
  const width = PAGE.w - 2 * PAGE.margin;
  const frame: Box = { x: left, y: PAGE.margin, w: width, h: SLIP_TOP - PAGE.margin };
  const top = SLIP_TOP;
  // Where to cut the slip off the printed bill, to take it to the bank or post office.
  c.line(0, top + 8, PAGE.w, top + 8, 0.5, GREY, 3);
  c.rect(frame, { stroke: INK, width: 0.75 });
  const half = left + width / 2;
  c.line(half, frame.y + 8, half, top - 8, 0.5, GREY);

  // A labelled box: the form's small caption above, the value inside.
  const field = (label: string, box: Box, value: string, style: { align?: 'right'; block?: boolean } = {}) => {
    c.text(label, { x: box.x, y: box.y + box.h, w: box.w, h: 10 }, box.y + box.h + 3, LABEL);
    c.rect(box, { stroke: GREY, width: 0.5 });
    if (style.block) c.block(value, box, { size: 9.5, minSize: 6.5, pad: 4 });
    else c.text(value, box, box.y + box.h / 2 - 3.5, { ...VALUE, align: style.align });
  };

  // Left: payer, purpose, payee; stamp and dates.
  const lx = left + 10;
  const lw = half - 10 - lx;
  field(l.payer, { x: lx, y: top - 74, w: lw, h: 46 }, `${x.payer.name}\n${x.payer.address}`, { block: true });
  field(l.purpose, { x: lx, y: top - 124, w: lw, h: 36 }, t(b.slip.purpose), { block: true });
  field(l.payee, { x: lx, y: top - 184, w: lw, h: 46 }, t(b.slip.payee), { block: true });
  const signature = (label: string, x0: number, w: number, y: number) => {
    c.line(x0, y, x0 + w, y, 0.5, GREY);
    c.text(label, { x: x0, y: y - 11, w, h: 10 }, y - 8, LABEL);
  };
  signature(l.signature, lx, lw, top - 208);
  signature(l.placeDate, lx, lw / 2 - 6, frame.y + 16);
  signature(l.valueDate, lx + lw / 2 + 6, lw / 2 - 6, frame.y + 16);

  // Right: the form's title, then code, currency, amount; account; model and reference.
  const rx = half + 10;
  const rw = left + width - 10 - rx;
  c.text(l.slip, { x: rx, y: top - 22, w: rw, h: 18 }, top - 17, {
    size: 11,
    minSize: 8,
    font: 'bold',
    align: 'right',
  });
  const row1 = top - 58;
  field(l.paymentCode, { x: rx, y: row1, w: 62, h: 22 }, b.slip.paymentCode);
  field(l.currency, { x: rx + 68, y: row1, w: 44, h: 22 }, b.slip.currency);
  field(l.slipAmount, { x: rx + 118, y: row1, w: rw - 118, h: 22 }, `=${x.figure(b.slip.amount)}`, { align: 'right' });
  field(l.account, { x: rx, y: row1 - 36, w: rw, h: 22 }, b.slip.account);
  field(l.model, { x: rx, y: row1 - 72, w: 40, h: 22 }, b.slip.model);
  field(l.slipReference, { x: rx + 46, y: row1 - 72, w: rw - 46, h: 22 }, b.slip.reference);

  // A paid bill's slip says so instead of offering the QR code: no one pays twice by mistake.
  const room: Box = { x: rx, y: frame.y + 10, w: rw, h: row1 - 72 - 16 - frame.y - 10 };
  if (x.status === 'paid') {
    c.block(l.slipPaid, room, { size: 11, minSize: 8, font: 'bold', color: PAID_INK });
    return;
  }
  // The IPS QR code, as vector squares so it stays sharp at any zoom and print size.
  const side = Math.min(118, row1 - 72 - 10 - frame.y - 6);
  const qx = rx + rw - side;
  c.qr(qrModules(b.ipsQr), qx, frame.y + 6, side);
  c.block(l.scan, { x: rx, y: frame.y + 10, w: qx - rx - 10, h: side - 8 }, { size: 8.5, minSize: 6.5 });
}
