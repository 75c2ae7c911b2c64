// The bill PDFs' fonts, cut down once from DejaVu Sans (≈ 740 KB a face) to the characters a bill
// can hold: Latin with its Central European letters (Serbian, Hungarian, Slovak, Romanian names in
// Srem), Serbian and Russian Cyrillic, digits and the punctuation of the formats. Run at build time
// for the Workers' assets (scripts/build-site.ts) and once per process on Node; never per PDF.
// Invariant: the result is a complete TrueType font (cmap, hmtx, OS/2, post, name; no hinting, no
// layout tables: the PDF draws no ligatures) that font.ts reads; bytes copied, no font library.
import { compositeParts, readCmap, readTables, writeSfnt } from './sfnt.ts';

/** Every character the bill fonts carry. Anything else is drawn as its base letter (font.ts). */
export const BILL_CHARSET: readonly number[] = [
  ...range(0x20, 0x7e), // ASCII
  ...range(0xa0, 0xff), // Latin-1: á é ö ü ß, « », °, ·, NBSP
  ...range(0x100, 0x17f), // Latin Extended-A: č ć đ š ž, ő ű, ľ ť ň ŕ
  ...range(0x1c4, 0x1cc), // the digraph letters Dž, Lj, Nj
  ...range(0x218, 0x21b), // Romanian ș ț
  ...range(0x400, 0x45f), // Cyrillic: Serbian and Russian
  0x2009, // thin space
  0x2013, // –
  0x2014, // —
  0x2018, // ‘
  0x2019, // ’
  0x201a, // ‚
  0x201c, // “
  0x201d, // ”
  0x201e, // „
  0x2022, // •
  0x2026, // …
  0x202f, // narrow no-break space
  0x20ac, // €
  0x2116, // №
  0x2212, // −
  0x2713, // ✓
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A TrueType font with only `charset`'s glyphs (and the parts of composite glyphs), numbered anew from 0. */
export async function subsetFont(ttf: Uint8Array, charset: readonly number[] = BILL_CHARSET): Promise<Uint8Array> {
  const original = readTables(ttf);
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const unicode = readCmap(v, original.get('cmap')!.byteOffset - ttf.byteOffset);
  const head = original.get('head')!;
  const glyf = original.get('glyf')!;
  const loca = locaOffsets(original.get('loca')!, new DataView(head.buffer, head.byteOffset).getInt16(50) === 1);
  const glyph = (id: number) => glyf.subarray(loca[id], loca[id + 1]);

  // The glyphs kept: .notdef, the charset's, and every part of a composite among them.
  const order: number[] = [];
  const newId = new Map<number, number>();
  const keep = (id: number) => {
    if (newId.has(id)) return;
    newId.set(id, order.length);
    order.push(id);
    for (const part of compositeParts(glyph(id))) keep(part.id);
  };
  keep(0);
  const map = new Map<number, number>();
  for (const cp of charset) {
    const id = unicode.get(cp);
    if (id === undefined) continue;
    keep(id);
    map.set(cp, newId.get(id)!);
  }

  const glyphs = order.map((id) => {
    const g = stripHinting(glyph(id));
    const gv = new DataView(g.buffer, g.byteOffset, g.byteLength);
    for (const part of compositeParts(g)) gv.setUint16(part.at, newId.get(part.id)!);
    return g;
  });
  const size = glyphs.reduce((n, g) => n + ((g.length + 3) & ~3), 0);
  const newGlyf = new Uint8Array(size);
  const newLoca = new Uint8Array(4 * (glyphs.length + 1));
  const lv = new DataView(newLoca.buffer);
  let offset = 0;
  glyphs.forEach((g, i) => {
    lv.setUint32(4 * i, offset);
    newGlyf.set(g, offset);
    offset += (g.length + 3) & ~3;
  });
  lv.setUint32(4 * glyphs.length, offset);

  // Metrics: an advance and a left side bearing for every kept glyph.
  const hhea = new Uint8Array(original.get('hhea')!);
  const hv = new DataView(hhea.buffer);
  const metrics = hv.getUint16(34);
  const hmtx = original.get('hmtx')!;
  const mv = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const newHmtx = new Uint8Array(4 * order.length);
  const nv = new DataView(newHmtx.buffer);
  order.forEach((id, i) => {
    nv.setUint16(4 * i, mv.getUint16(4 * Math.min(id, metrics - 1)));
    nv.setInt16(4 * i + 2, id < metrics ? mv.getInt16(4 * id + 2) : mv.getInt16(4 * metrics + 2 * (id - metrics)));
  });
  hv.setUint16(34, order.length);
  const newHead = new Uint8Array(head);
  new DataView(newHead.buffer).setInt16(50, 1); // long loca offsets
  const maxp = new Uint8Array(original.get('maxp')!);
  const xv = new DataView(maxp.buffer);
  xv.setUint16(4, order.length);
  if (maxp.length >= 32) xv.setUint16(26, 0); // maxSizeOfInstructions: none left

  const tables = new Map<string, Uint8Array>([
    ['cmap', cmapFormat4(map)],
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', hhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', maxp],
    ['post', postFormat3(original.get('post'))],
  ]);
  for (const tag of ['OS/2', 'name']) {
    const t = original.get(tag);
    if (t) tables.set(tag, t);
  }
  return writeSfnt(tables);
}

function locaOffsets(loca: Uint8Array, long: boolean): Uint32Array {
  const v = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const n = long ? loca.length / 4 : loca.length / 2;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = long ? v.getUint32(4 * i) : 2 * v.getUint16(2 * i);
  return out;
}

/**
 * One glyph without its TrueType hinting instructions (a third of DejaVu's glyph data, nothing a
 * PDF viewer at today's resolutions needs: Chromium's own PDFs drop them too); always a copy.
 */
function stripHinting(g: Uint8Array): Uint8Array {
  if (g.length < 10) return new Uint8Array(g);
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  const contours = v.getInt16(0);
  if (contours >= 0) {
    const at = 10 + 2 * contours;
    const length = v.getUint16(at);
    const out = new Uint8Array(g.length - length);
    out.set(g.subarray(0, at)); // instruction length stays 0
    out.set(g.subarray(at + 2 + length), at + 2);
    return out;
  }
  // A composite: its components, then instructions if a component says so.
  const out = new Uint8Array(g);
  const ov = new DataView(out.buffer);
  let at = 10;
  for (;;) {
    const flags = ov.getUint16(at);
    ov.setUint16(at, flags & ~0x100); // WE_HAVE_INSTRUCTIONS
    at += 4 + (flags & 0x1 ? 4 : 2);
    if (flags & 0x8) at += 2;
    else if (flags & 0x40) at += 4;
    else if (flags & 0x80) at += 8;
    if (!(flags & 0x20)) return out.subarray(0, at);
  }
}

function cmapFormat4(map: Map<number, number>): Uint8Array {
  const cps = [...map.keys()].filter((c) => c <= 0xfffe).sort((a, b) => a - b);
  const segs: { start: number; end: number; delta: number }[] = [];
  for (const cp of cps) {
    const last = segs.at(-1);
    const delta = (map.get(cp)! - cp) & 0xffff;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segs.length;
  const length = 16 + 8 * n;
  const out = new Uint8Array(12 + length);
  const v = new DataView(out.buffer);
  v.setUint16(2, 1); // one encoding record: platform 3, encoding 1, at offset 12
  v.setUint16(4, 3);
  v.setUint16(6, 1);
  v.setUint32(8, 12);
  const t = 12;
  v.setUint16(t, 4);
  v.setUint16(t + 2, length);
  const log2 = Math.floor(Math.log2(n));
  v.setUint16(t + 6, n * 2);
  v.setUint16(t + 8, 2 * 2 ** log2);
  v.setUint16(t + 10, log2);
  v.setUint16(t + 12, 2 * n - 2 * 2 ** log2);
  segs.forEach((s, i) => {
    v.setUint16(t + 14 + 2 * i, s.end);
    v.setUint16(t + 16 + 2 * n + 2 * i, s.start);
    v.setUint16(t + 16 + 4 * n + 2 * i, s.delta);
    // idRangeOffset stays 0: glyph = (code + delta) mod 65536
  });
  return out;
}

/** `post` without glyph names (they would name the original font's glyph order). */
function postFormat3(original: Uint8Array | undefined): Uint8Array {
  const out = new Uint8Array(32);
  if (original) out.set(original.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}
