// The sfnt container of TrueType fonts: its tables read by tag and written back with their
// checksums, its Unicode cmap, the parts of composite glyphs. Invariant: Web APIs only, no font
// library (the Workers' bundle stays small).

/** The tables of an sfnt by tag. */
export function readTables(ttf: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0, n = v.getUint16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...ttf.subarray(rec, rec + 4));
    tables.set(tag, ttf.subarray(v.getUint32(rec + 8), v.getUint32(rec + 8) + v.getUint32(rec + 12)));
  }
  return tables;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt with these tables, checksummed, `head`'s checkSumAdjustment set. */
export function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + 16 * n;
  for (const tag of tags) size += (tables.get(tag)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, 16 * 2 ** log2);
  v.setUint16(8, log2);
  v.setUint16(10, 16 * n - 16 * 2 ** log2);
  let at = 12 + 16 * n;
  let headAt = -1;
  tags.forEach((tag, i) => {
    let data = tables.get(tag)!;
    if (tag === 'head') {
      data = new Uint8Array(data);
      new DataView(data.buffer).setUint32(8, 0); // checkSumAdjustment, set below
      headAt = at;
    }
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, data.length);
    out.set(data, at);
    at += (data.length + 3) & ~3;
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** Unicode → glyph id from the font's Windows Unicode cmap (format 4, or 12 when present). */
export function readCmap(v: DataView, cmap: number): Map<number, number> {
  const map = new Map<number, number>();
  let best = -1;
  for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const sub = cmap + v.getUint32(rec + 4);
    const format = v.getUint16(sub);
    if (platform === 3 && (encoding === 1 || encoding === 10) && (format === 4 || format === 12))
      if (best < 0 || format === 12) best = sub;
  }
  if (best < 0) throw new Error('font without a Unicode cmap');
  if (v.getUint16(best) === 12) {
    for (let i = 0, n = v.getUint32(best + 12); i < n; i++) {
      const g = best + 16 + 12 * i;
      const start = v.getUint32(g);
      for (let cp = start, end = v.getUint32(g + 4); cp <= end; cp++) map.set(cp, v.getUint32(g + 8) + (cp - start));
    }
    return map;
  }
  const segX2 = v.getUint16(best + 6);
  const ends = best + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = v.getUint16(ends + s);
    const start = v.getUint16(starts + s);
    const delta = v.getInt16(deltas + s);
    const rangeOffset = v.getUint16(ranges + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let g: number;
      if (rangeOffset === 0) g = (cp + delta) & 0xffff;
      else {
        g = v.getUint16(ranges + s + rangeOffset + 2 * (cp - start));
        if (g !== 0) g = (g + delta) & 0xffff;
      }
      if (g !== 0) map.set(cp, g);
    }
  }
  return map;
}

/** The parts of a composite glyph: their glyph ids and where each id is written. */
export function compositeParts(g: Uint8Array): { id: number; at: number }[] {
  if (g.length < 10) return [];
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  if (v.getInt16(0) >= 0) return [];
  const parts: { id: number; at: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = v.getUint16(at);
    parts.push({ id: v.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & 0x1 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x8)
      at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x40)
      at += 4; // X_AND_Y_SCALE
    else if (flags & 0x80) at += 8; // TWO_BY_TWO
    if (!(flags & 0x20)) return parts; // MORE_COMPONENTS
  }
}
