// One page's drawing: text set into frames, lines, boxes and the QR code, written as PDF content
// operators (points, origin bottom left). Every text run is kept with the frame it was set into,
// so a test can measure that no text leaves its frame. Invariant: text goes only through `text`
// and `block`, which never draw outside the frame they are given.
import { type FitOptions, fitText } from './fit.ts';
import type { PdfFont } from './font.ts';

export type FontKey = 'regular' | 'bold';
export type Rgb = readonly [number, number, number];
/** A frame: left, bottom, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface TextRun {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  font: FontKey;
  frame: Box;
}
export interface TextStyle {
  size: number;
  minSize?: number;
  font?: FontKey;
  color?: Rgb;
  align?: 'left' | 'right' | 'center';
  /** Space kept free inside the frame on every side. */
  pad?: number;
  /** Baseline to baseline, in font sizes. */
  leading?: number;
  /** At most this many lines (default: as many as the frame holds). */
  maxLines?: number;
  /** Shrink to one line before wrapping. */
  shrinkFirst?: boolean;
}

export const INK: Rgb = [0.1, 0.1, 0.1];

const n = (x: number) => (Math.round(x * 100) / 100).toString();
const color = (c: Rgb) => c.map(n).join(' ');

export interface Canvas {
  readonly fonts: Record<FontKey, PdfFont>;
  readonly runs: TextRun[];
  /** The glyph ids drawn with each font. */
  readonly used: Record<FontKey, Set<number>>;
  /** Text into a frame, wrapped and shrunk to fit; returns the height used from the frame's top. */
  block(text: string, frame: Box, style: TextStyle): number;
  /** One line into a frame at a baseline, shrunk (then cut with "…") to the frame's width. */
  text(text: string, frame: Box, baseline: number, style: TextStyle): void;
  rect(b: Box, o: { stroke?: Rgb; fill?: Rgb; width?: number }): void;
  line(x1: number, y1: number, x2: number, y2: number, width?: number, c?: Rgb, dash?: number): void;
  /** Dark QR modules as filled squares: `modules[row][col]`, top row first. */
  qr(modules: boolean[][], x: number, y: number, side: number): void;
  content(): string;
}

export function canvas(fonts: Record<FontKey, PdfFont>, fontNames: Record<FontKey, string>): Canvas {
  const ops: string[] = [];
  const runs: TextRun[] = [];
  const used: Record<FontKey, Set<number>> = { regular: new Set(), bold: new Set() };
  const draw = (s: string, x: number, y: number, size: number, font: FontKey, c: Rgb) => {
    let hex = '';
    for (const id of fonts[font].glyphs(s)) {
      used[font].add(id);
      hex += id.toString(16).padStart(4, '0');
    }
    ops.push(`BT /${fontNames[font]} ${n(size)} Tf ${color(c)} rg 1 0 0 1 ${n(x)} ${n(y)} Tm <${hex}> Tj ET`);
  };
  const place = (s: string, frame: Box, y: number, st: TextStyle, size: number) => {
    const key = st.font ?? 'regular';
    const pad = st.pad ?? 0;
    const w = fonts[key].width(s, size);
    const x =
      st.align === 'right'
        ? frame.x + frame.w - pad - w
        : st.align === 'center'
          ? frame.x + (frame.w - w) / 2
          : frame.x + pad;
    draw(s, x, y, size, key, st.color ?? INK);
    runs.push({ text: s, x, y, size, font: key, frame });
  };
  return {
    fonts,
    runs,
    used,
    block(text, frame, st) {
      const font = fonts[st.font ?? 'regular'];
      const pad = st.pad ?? 0;
      const leading = st.leading ?? 1.2;
      const inner = frame.w - 2 * pad;
      const lines = (size: number) => {
        const height = frame.h - 2 * pad - (font.ascent - font.descent) * size;
        const fit = height < 0 ? 0 : Math.floor(height / (leading * size) + 1e-9) + 1;
        return Math.min(fit, st.maxLines ?? Number.POSITIVE_INFINITY);
      };
      const opts: FitOptions = { size: st.size, minSize: st.minSize, maxLines: lines, shrinkFirst: st.shrinkFirst };
      const fitted = fitText(font, text, inner, opts);
      let y = frame.y + frame.h - pad - font.ascent * fitted.size;
      for (const line of fitted.lines) {
        place(line, frame, y, st, fitted.size);
        y -= leading * fitted.size;
      }
      return pad + (font.ascent - font.descent) * fitted.size + (fitted.lines.length - 1) * leading * fitted.size;
    },
    text(text, frame, baseline, st) {
      const font = fonts[st.font ?? 'regular'];
      const inner = frame.w - 2 * (st.pad ?? 0);
      const fitted = fitText(font, text, inner, { size: st.size, minSize: st.minSize, maxLines: () => 1 });
      place(fitted.lines[0], frame, baseline, st, fitted.size);
    },
    rect(b, o) {
      const path = `${n(b.x)} ${n(b.y)} ${n(b.w)} ${n(b.h)} re`;
      if (o.fill) ops.push(`${color(o.fill)} rg ${path} f`);
      if (o.stroke) ops.push(`${n(o.width ?? 0.75)} w ${color(o.stroke)} RG ${path} S`);
    },
    line(x1, y1, x2, y2, width = 0.5, c = INK, dash = 0) {
      const pattern = dash ? `[${n(dash)} ${n(dash)}] 0 d ` : '';
      ops.push(
        `${pattern}${n(width)} w ${color(c)} RG ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S${dash ? ' [] 0 d' : ''}`,
      );
    },
    qr(modules, x, y, side) {
      // In module units (one `cm` scales them to the page), one rectangle per run of dark modules
      // in a row: a short content stream, cheap to compress. Rows overlap by a hair so no seam shows.
      const size = modules.length;
      const cell = side / size;
      const path: string[] = [];
      modules.forEach((row, r) => {
        for (let c = 0; c < row.length; c++) {
          if (!row[c]) continue;
          let end = c;
          while (end + 1 < row.length && row[end + 1]) end++;
          path.push(`${c} ${size - 1 - r} ${end - c + 1} 1.04 re`);
          c = end;
        }
      });
      ops.push(`q ${n(cell)} 0 0 ${n(cell)} ${n(x)} ${n(y)} cm 0 0 0 rg\n${path.join('\n')}\nf Q`);
    },
    content: () => ops.join('\n'),
  };
}
