// The bill's upper part on A4: the issuer (the utility, from its configuration), the title and
// dates, the payer, the items and totals, whether it is paid, unpaid or overdue, and whom to ask.
// Invariant: every text is set into a frame (canvas.ts), so no name, address or Cyrillic line
// runs past its box; the slip below starts at `SLIP_TOP` whatever the number of items.
import { type Box, type Canvas, INK, type Rgb } from './canvas.ts';
import { fill } from './labels.ts';
import type { BillContext } from './context.ts';

export const PAGE = { w: 595.28, h: 841.89, margin: 40 };
/** "#0b5394" → [0.043, 0.325, 0.58]. */
export const hexRgb = (hex: string): Rgb =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as Rgb;
export const GREY: Rgb = [0.35, 0.35, 0.35];
/** The top of the payment slip; the upper part ends above it. */
export const SLIP_TOP = 300;
const BANNER_H = 40;
const HELP_H = 24;

const LEFT = PAGE.margin;
const WIDTH = PAGE.w - 2 * PAGE.margin;
const RIGHT = LEFT + WIDTH;

export const PAID_INK: Rgb = [0.1, 0.4, 0.15];
const STATUS: Record<BillContext['status'], { fill: Rgb; ink: Rgb }> = {
  paid: { fill: [0.9, 0.96, 0.9], ink: PAID_INK },
  unpaid: { fill: [1, 0.96, 0.85], ink: [0.45, 0.3, 0] },
  overdue: { fill: [0.99, 0.9, 0.9], ink: [0.65, 0.08, 0.08] },
};

export function drawPage(c: Canvas, x: BillContext): void {
  const bottom = header(c, x);
  const below = parties(c, x, bottom - 12);
  // Items, then the status and whom to ask right under them; many items get smaller rows, never the slip's room.
  const end = items(c, x, below - 14, SLIP_TOP + 16 + HELP_H + 10 + BANNER_H + 14);
  const banner = status(c, x, end - 14 - BANNER_H);
  help(c, x, banner - 10 - HELP_H);
}

/** The issuer on the left, the title and issue date on the right; returns the bottom edge. */
function header(c: Canvas, x: BillContext): number {
  const { l, t, issuer } = x;
  const top = PAGE.h - PAGE.margin;
  const left: Box = { x: LEFT, y: top - 100, w: WIDTH - 215, h: 100 };
  let y = top;
  const line = (s: string, size: number, font: 'regular' | 'bold' = 'regular', color: Rgb = INK) => {
    y -= c.block(s, { ...left, y: left.y, h: y - left.y }, { size, minSize: size - 2, font, color, maxLines: 2 });
    y -= 2;
  };
  const brand = hexRgb(issuer.color);
  line(t(issuer.name), 15, 'bold', brand);
  if (issuer.legalName) line(t(issuer.legalName), 8.5, 'regular', GREY);
  line(t(issuer.address), 8.5);
  line(`${l.pib} ${issuer.pib}   ${l.mb} ${issuer.mb}`, 8.5);
  line(`${l.phone} ${issuer.phone}   ${issuer.email}   ${issuer.website.replace(/^https?:\/\//, '')}`, 8.5);
  const right: Box = { x: RIGHT - 200, y: top - 100, w: 200, h: 100 };
  const used = c.block(x.title, right, {
    size: 15,
    minSize: 11,
    font: 'bold',
    align: 'right',
    maxLines: 2,
    shrinkFirst: true,
  });
  const bottom = Math.min(y, top - used) - 8;
  c.line(LEFT, bottom, RIGHT, bottom, 0.75, brand);
  return bottom;
}

/** The payer's box and the bill's facts beside it; returns the bottom edge. */
function parties(c: Canvas, x: BillContext, top: number): number {
  const { l, b } = x;
  const h = 86;
  const payer: Box = { x: LEFT, y: top - h, w: 250, h };
  c.rect(payer, { stroke: GREY, width: 0.5 });
  const inner = { x: payer.x + 8, w: payer.w - 16 };
  let y = top - 6;
  c.text(l.consumer, { ...inner, y: y - 12, h: 12 }, y - 8, { size: 7.5, color: GREY });
  y -= 12;
  y -= c.block(x.payer.name, { ...inner, y: top - 50, h: y - (top - 50) }, { size: 11, minSize: 8, font: 'bold' });
  y -= 2;
  c.block(x.payer.address, { ...inner, y: top - 70, h: y - (top - 70) }, { size: 9.5, minSize: 7 });
  c.text(`${l.code}: ${b.consumer.code}`, { ...inner, y: payer.y + 3, h: 13 }, payer.y + 6.5, {
    size: 9,
    minSize: 7,
    font: 'bold',
  });

  const facts: Box = { x: LEFT + 265, y: top - h, w: WIDTH - 265, h };
  c.rect(facts, { stroke: GREY, width: 0.5 });
  const rows: [string, string][] = [
    [l.period, x.period],
    [l.issued, x.date(b.issueDate)],
    [l.due, x.date(b.dueDate)],
    [l.reference, `${b.slip.model} ${b.slip.reference}`],
  ];
  rows.forEach(([k, v], i) => {
    const base = top - 18 - i * 18;
    const cell = { y: base - 5, h: 16 };
    c.text(k, { ...cell, x: facts.x + 8, w: 110 }, base, { size: 9, minSize: 7, color: GREY });
    c.text(v, { ...cell, x: facts.x + 120, w: facts.w - 128 }, base, {
      size: 9.5,
      minSize: 7,
      font: 'bold',
      align: 'right',
    });
  });
  return top - h;
}

/** Items, total and what is left to pay, between `top` and `floor`; returns the bottom edge. */
function items(c: Canvas, x: BillContext, top: number, floor: number): number {
  const { l, b, t, money } = x;
  const amountW = 130;
  const desc = { x: LEFT, w: WIDTH - amountW - 10 };
  const amount = { x: RIGHT - amountW, w: amountW };
  // Rows get lower with many items (17 pt down to 12 pt); past what fits even then, the rest are
  // summed up in one line, so the total still adds up on the page.
  const head = 18;
  const totals = 2;
  const available = top - floor - head - 4;
  const step = Math.max(12, Math.min(17, available / (b.items.length + totals)));
  const rows = Math.floor(available / step) - totals;
  const size = Math.min(10, step * 0.62);
  const font = c.fonts.regular;
  const descriptions = b.items.map((i) => t(i.description));
  // A description too long for its line gets a second one while the items have room to spare.
  const extra = size * 1.2;
  let twoLines = descriptions.map((d) => step >= 14 && font.width(d, size * 0.9) > desc.w);
  if ((b.items.length + totals) * step + twoLines.filter(Boolean).length * extra > available)
    twoLines = twoLines.map(() => false);
  let y = top;
  c.text(l.item, { ...desc, y: y - 14, h: 14 }, y - 10, { size: 9, font: 'bold', color: GREY });
  c.text(l.amount, { ...amount, y: y - 14, h: 14 }, y - 10, { size: 9, font: 'bold', color: GREY, align: 'right' });
  y -= head - 2;
  c.line(LEFT, y, RIGHT, y, 0.5, GREY);
  const row = (d: string, a: string, key: 'regular' | 'bold' = 'regular', s = size, two = false) => {
    const base = y - step * 0.7;
    const h = two ? step + extra : step;
    if (two) {
      // The first line on the row's baseline, the second below it.
      const top = base + c.fonts[key].ascent * s;
      c.block(d, { ...desc, y: y - h, h: top - (y - h) }, { size: s, minSize: Math.min(s, 6), font: key, maxLines: 2 });
    } else c.text(d, { ...desc, y: y - h, h }, base, { size: s, minSize: Math.min(s, 6), font: key });
    c.text(a, { ...amount, y: y - step, h: step }, base, {
      size: s,
      minSize: Math.min(s, 6),
      font: key,
      align: 'right',
    });
    y -= h;
  };
  const shown = b.items.length > rows ? rows - 1 : b.items.length;
  for (let i = 0; i < shown; i++) row(descriptions[i], money(b.items[i].amount), 'regular', size, twoLines[i]);
  if (shown < b.items.length) {
    const rest = b.items.slice(shown);
    row(fill(l.moreItems, { n: String(rest.length) }), money(rest.reduce((s, i) => s + i.amount, 0)));
  }
  c.line(LEFT, y, RIGHT, y, 0.5, GREY);
  y -= 2;
  row(l.total, money(b.amount), 'bold', Math.min(11, size + 1));
  // The bill's own slip pays its amount; older unpaid bills are a line of their own, never added in.
  if (b.paid) row(l.paidLine, money(b.amount));
  else if (x.older && b.older) row(x.older, money(b.older.total));
  return y;
}

/** The paid / unpaid / overdue banner from `bottom` up; returns its bottom edge. */
function status(c: Canvas, x: BillContext, bottom: number): number {
  const { l, b } = x;
  const box: Box = { x: LEFT, y: bottom, w: WIDTH, h: BANNER_H };
  const s = STATUS[x.status];
  c.rect(box, { fill: s.fill, stroke: s.ink, width: 0.75 });
  const head = x.status === 'paid' ? l.paid : x.status === 'overdue' ? l.overdue : l.unpaid;
  const note =
    x.status === 'paid'
      ? b.paidAt
        ? fill(l.paidNote, { date: x.date(b.paidAt) })
        : l.paidNoteUndated
      : fill(x.status === 'overdue' ? l.overdueNote : l.unpaidNote, { due: x.date(b.dueDate) });
  const text: Box = { x: box.x + 10, y: box.y + 4, w: box.w - 200, h: box.h - 8 };
  c.text(head, text, box.y + 24, { size: 11, minSize: 8, font: 'bold', color: s.ink });
  c.text(note, text, box.y + 10, { size: 8.5, minSize: 6.5, color: s.ink });
  if (!b.paid) {
    const sum: Box = { x: box.x + box.w - 185, y: box.y + 4, w: 175, h: box.h - 8 };
    c.text(l.toPay, sum, box.y + 26, { size: 8, minSize: 6.5, align: 'right', color: s.ink });
    c.text(x.money(b.slip.amount), sum, box.y + 10, {
      size: 13,
      minSize: 9,
      font: 'bold',
      align: 'right',
      color: s.ink,
    });
  }
  return box.y;
}

/** Whom to ask, from `bottom` up. */
function help(c: Canvas, x: BillContext, bottom: number): void {
  const { issuer, l } = x;
  const box: Box = { x: LEFT, y: bottom, w: WIDTH, h: HELP_H };
  const words = fill(l.help, { phone: issuer.phone, hours: x.hours, email: issuer.email });
  c.block(words, box, { size: 8.5, minSize: 6.5, color: GREY, maxLines: 2 });
}
