// A font file for a PDF: the bill font with only the given glyphs (and the parts of composite
// glyphs such as "Č" = "C" + "ˇ"), every other glyph left empty so glyph ids do not change — the
// common characters' file, made once per process, or a PDF's own when it draws a rarer letter.
// Invariant: copying bytes only (no outline is decoded), well under a millisecond; the tables
// read are cached per font.
import { compositeParts, readTables, writeSfnt } from './sfnt.ts';

interface Glyphs {
  tables: Map<string, Uint8Array>;
  /** Start of each glyph in `glyf`, and the end of the last. */
  loca: Uint32Array;
}

const cache = new WeakMap<Uint8Array, Glyphs>();

function glyphs(ttf: Uint8Array): Glyphs {
  let g = cache.get(ttf);
  if (g) return g;
  const tables = readTables(ttf);
  const head = tables.get('head')!;
  const loca = tables.get('loca')!;
  const long = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
  const v = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const n = long ? loca.length / 4 : loca.length / 2;
  const offsets = new Uint32Array(n);
  for (let i = 0; i < n; i++) offsets[i] = long ? v.getUint32(4 * i) : 2 * v.getUint16(2 * i);
  g = { tables, loca: offsets };
  cache.set(ttf, g);
  return g;
}

/** A TrueType font file with only `used` glyphs drawn (ids unchanged), for the PDF's FontFile2. */
export function fontWithGlyphs(ttf: Uint8Array, used: Iterable<number>): Uint8Array {
  const { tables, loca } = glyphs(ttf);
  const glyf = tables.get('glyf')!;
  const keep = new Set<number>([0]);
  const todo = [...used];
  while (todo.length) {
    const id = todo.pop()!;
    if (id >= loca.length - 1 || keep.has(id)) continue;
    keep.add(id);
    for (const part of compositeParts(glyf.subarray(loca[id], loca[id + 1]))) todo.push(part.id);
  }
  let size = 0;
  for (const id of keep) size += loca[id + 1] - loca[id];
  const newGlyf = new Uint8Array(size);
  const newLoca = new Uint8Array(4 * loca.length);
  const lv = new DataView(newLoca.buffer);
  let at = 0;
  for (let id = 0; id < loca.length - 1; id++) {
    lv.setUint32(4 * id, at);
    if (keep.has(id)) {
      newGlyf.set(glyf.subarray(loca[id], loca[id + 1]), at);
      at += loca[id + 1] - loca[id];
    }
  }
  lv.setUint32(4 * (loca.length - 1), at);
  const head = new Uint8Array(tables.get('head')!);
  new DataView(head.buffer).setInt16(50, 1); // long loca offsets
  const out = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['head', head],
    ['loca', newLoca],
  ]);
  // What a PDF viewer needs to draw TrueType glyphs by id; no cmap, names or layout tables.
  for (const tag of ['cvt ', 'fpgm', 'hhea', 'hmtx', 'maxp', 'prep']) {
    const t = tables.get(tag);
    if (t) out.set(tag, t);
  }
  return writeSfnt(out);
}
