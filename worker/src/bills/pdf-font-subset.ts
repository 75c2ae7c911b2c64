// The bill PDFs' fonts, cut down once from DejaVu Sans (≈ 740 KB a face) to the characters a bill
// can hold: Latin with its Central European letters (Serbian, Hungarian, Slovak, Romanian names in
// Srem), Serbian and Russian Cyrillic, digits and the punctuation of the formats. Run at build time
// for the Workers' assets (scripts/build-site.ts) and once per process on Node; never per PDF.
// Invariant: the result is a complete TrueType font (cmap, hmtx, OS/2, post, name; no hinting)
// that pdf-font.ts reads, so a PDF costs no subsetting with a font library.
import fontkit from '@pdf-lib/fontkit';
import { readTables, writeSfnt } from './pdf-sfnt.ts';

/** Every character the bill fonts carry. Anything else is drawn as its base letter (pdf-font.ts). */
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

interface FontkitFont {
  glyphForCodePoint(cp: number): { id: number };
  createSubset(): { includeGlyph(id: number): number; encodeStream(): EncodeStream };
}
interface EncodeStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): void;
  on(event: 'end', f: () => void): void;
}

/** A TrueType font with only `charset`'s glyphs (and their composite parts). */
export async function subsetFont(ttf: Uint8Array, charset: readonly number[] = BILL_CHARSET): Promise<Uint8Array> {
  const font = fontkit.create(ttf as Buffer) as unknown as FontkitFont;
  const subset = font.createSubset();
  subset.includeGlyph(0);
  const map = new Map<number, number>();
  for (const cp of charset) {
    const id = font.glyphForCodePoint(cp).id;
    if (id !== 0) map.set(cp, subset.includeGlyph(id));
  }
  const stream = subset.encodeStream();
  const parts: Uint8Array[] = [];
  const encoded = await new Promise<Uint8Array>((done) => {
    stream.on('data', (chunk) => parts.push(chunk));
    stream.on('end', () => done(concat(parts)));
  });
  const tables = readTables(encoded);
  const original = readTables(ttf);
  // fontkit writes the glyph outlines and metrics; a standalone font also needs these.
  tables.set('cmap', cmapFormat4(map));
  tables.set('post', postFormat3(original.get('post')));
  for (const tag of ['OS/2', 'name']) {
    const t = original.get(tag);
    if (t) tables.set(tag, t);
  }
  withoutHinting(tables);
  return writeSfnt(tables);
}

/**
 * The TrueType hinting programs removed (the font's own, its control values and each glyph's
 * instructions): a third of the glyph data, and nothing a PDF viewer at today's resolutions
 * needs — Chromium's own PDFs drop them too. Outlines and metrics stay as they are.
 */
function withoutHinting(tables: Map<string, Uint8Array>): void {
  const head = tables.get('head')!.slice();
  const hv = new DataView(head.buffer);
  const glyf = tables.get('glyf')!;
  const loca = tables.get('loca')!;
  const lv = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const long = hv.getInt16(50) === 1;
  const count = (long ? loca.length / 4 : loca.length / 2) - 1;
  const at = (i: number) => (long ? lv.getUint32(4 * i) : 2 * lv.getUint16(2 * i));
  const glyphs: Uint8Array[] = [];
  for (let i = 0; i < count; i++) glyphs.push(stripGlyph(glyf.subarray(at(i), at(i + 1))));
  const size = glyphs.reduce((n, g) => n + ((g.length + 3) & ~3), 0);
  const newGlyf = new Uint8Array(size);
  const newLoca = new Uint8Array(4 * (count + 1));
  const nv = new DataView(newLoca.buffer);
  let offset = 0;
  glyphs.forEach((g, i) => {
    nv.setUint32(4 * i, offset);
    newGlyf.set(g, offset);
    offset += (g.length + 3) & ~3;
  });
  nv.setUint32(4 * count, offset);
  hv.setInt16(50, 1);
  const maxp = tables.get('maxp')!.slice();
  if (maxp.length >= 32) new DataView(maxp.buffer).setUint16(26, 0); // maxSizeOfInstructions
  tables.set('head', head);
  tables.set('glyf', newGlyf);
  tables.set('loca', newLoca);
  tables.set('maxp', maxp);
  for (const tag of ['fpgm', 'prep', 'cvt ']) tables.delete(tag);
}

/** One glyph without its instructions. */
function stripGlyph(g: Uint8Array): Uint8Array {
  if (g.length < 10) return g;
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
  const out = g.slice();
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

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A Windows Unicode BMP cmap, one segment per run of consecutive characters and glyphs. */
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
