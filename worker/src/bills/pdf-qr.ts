// The IPS QR code's modules for the PDF, with the same mask the QR standard's penalty rule picks
// (and uqr picks), found ten times faster: uqr scores the eight masks with array shifts (≈ 7 ms
// for a bill's code), here the code is encoded once and each mask is tried on typed arrays.
// Invariant: the result equals uqr's `encode(text, { ecc: 'M' })` module for module (tested).
import { encode } from 'uqr';

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];
/** The format bits' error correction level field for M. */
const ECC_M = 0;

/** Dark modules of `text`'s QR code (error correction M), rows top first, with a `border` of light modules. */
export function qrModules(text: string, border = 2): boolean[][] {
  const base = encode(text, { ecc: 'M', border: 0, maskPattern: 0 });
  const size = base.size;
  const masks = maskBits(size, base.types);
  const unmasked = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) unmasked[y * size + x] = (base.data[y][x] ? 1 : 0) ^ masks[0][y * size + x];
  let best: Uint8Array = unmasked;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask++) {
    const m = new Uint8Array(size * size);
    const bits = masks[mask];
    for (let i = 0; i < m.length; i++) m[i] = unmasked[i] ^ bits[i];
    formatBits(m, size, mask);
    const score = penalty(m, size);
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  const out: boolean[][] = [];
  const light = () => new Array<boolean>(size + 2 * border).fill(false);
  for (let i = 0; i < border; i++) out.push(light());
  for (let y = 0; y < size; y++) {
    const row = light();
    for (let x = 0; x < size; x++) row[border + x] = best[y * size + x] === 1;
    out.push(row);
  }
  for (let i = 0; i < border; i++) out.push(light());
  return out;
}

const maskCache = new Map<number, Uint8Array[]>();

/** Per mask, 1 where it inverts a data module; the data modules depend on the version alone. */
function maskBits(size: number, types: number[][]): Uint8Array[] {
  let masks = maskCache.get(size);
  if (!masks) {
    masks = MASKS.map((invert) => {
      const bits = new Uint8Array(size * size);
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) bits[y * size + x] = types[y][x] === 0 && invert(x, y) ? 1 : 0;
      return bits;
    });
    maskCache.set(size, masks);
  }
  return masks;
}

/** The two copies of the format information for level M and `mask`. */
function formatBits(m: Uint8Array, size: number, mask: number): void {
  const data = (ECC_M << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const set = (x: number, y: number, i: number) => {
    m[y * size + x] = (bits >>> i) & 1;
  };
  for (let i = 0; i <= 5; i++) set(8, i, i);
  set(8, 7, 6);
  set(8, 8, 7);
  set(7, 8, 8);
  for (let i = 9; i < 15; i++) set(14 - i, 8, i);
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, i);
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, i);
  m[(size - 8) * size + 8] = 1;
}

/** The QR standard's penalty score (ISO/IEC 18004 §7.8.3, as in Nayuki's reference encoder). */
function penalty(m: Uint8Array, size: number): number {
  let result = 0;
  for (let i = 0; i < size; i++) result += linePenalty(m, size, i * size, 1) + linePenalty(m, size, i, size);
  for (let y = 0; y < size - 1; y++)
    for (let x = 0; x < size - 1; x++) {
      const c = m[y * size + x];
      if (c === m[y * size + x + 1] && c === m[(y + 1) * size + x] && c === m[(y + 1) * size + x + 1]) result += 3;
    }
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i];
  const total = size * size;
  return result + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
}

/**
 * Runs of one colour and finder-like patterns along a row (stride 1) or a column (stride size).
 * The last seven run lengths are h[0] (newest) … h[6], shifted by hand: this runs 8 masks × 2 × size times.
 */
function linePenalty(m: Uint8Array, size: number, start: number, stride: number): number {
  let result = 0;
  const h = HISTORY;
  h.fill(0);
  let color = 0;
  let run = 0;
  for (let i = 0, at = start; i < size; i++, at += stride) {
    if (m[at] === color) {
      run++;
      if (run === 5) result += 3;
      else if (run > 5) result++;
    } else {
      push(h, run, size);
      if (!color) result += finders(h) * 40;
      color = m[at];
      run = 1;
    }
  }
  if (color) {
    push(h, run, size);
    run = 0;
  }
  push(h, run + size, size);
  return result + finders(h) * 40;
}

const HISTORY = [0, 0, 0, 0, 0, 0, 0];

function push(h: number[], run: number, size: number): void {
  const length = h[0] === 0 ? run + size : run;
  h[6] = h[5];
  h[5] = h[4];
  h[4] = h[3];
  h[3] = h[2];
  h[2] = h[1];
  h[1] = h[0];
  h[0] = length;
}

function finders(h: number[]): number {
  const n = h[1];
  const core = n > 0 && h[2] === n && h[3] === n * 3 && h[4] === n && h[5] === n;
  return (core && h[0] >= n * 4 && h[6] >= n ? 1 : 0) + (core && h[6] >= n * 4 && h[0] >= n ? 1 : 0);
}
