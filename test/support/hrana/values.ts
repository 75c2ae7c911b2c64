// TEST SUPPORT ONLY. Hrana's JSON values to and from what the libsql driver takes and gives
// (integers as decimal strings so 64-bit values survive JSON, blobs as base64).
export type HranaValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

export type SqlValue = null | bigint | number | string | Buffer;

export function fromHrana(v: HranaValue): SqlValue {
  switch (v.type) {
    case 'null': return null;
    case 'integer': return BigInt(v.value);
    case 'float': return v.value;
    case 'text': return v.value;
    case 'blob': return Buffer.from(v.base64, 'base64');
  }
}

export function toHrana(v: unknown): HranaValue {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  // With safeIntegers on, integer columns come back as bigint: a number here is a REAL.
  if (typeof v === 'number') return { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (ArrayBuffer.isView(v)) return { type: 'blob', base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
  throw new Error(`no Hrana value for ${typeof v}`);
}
