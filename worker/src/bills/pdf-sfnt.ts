// The sfnt container of TrueType fonts: its tables read by tag, and written back with their
// checksums. Invariant: Web APIs only, no font library (the Workers' bundle stays small).

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
      data = data.slice();
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
