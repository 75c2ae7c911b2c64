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
  let dark = 0;
  for (let y = 0; y < size; y++) {
    const row = y * size;
    for (let x = 0; x < size; x++) dark += m[row + x];
    if (y === size - 1) break;
    const next = row + size;
    let left = m[row] + m[next]; // dark modules in the 2×1 column at x
    for (let x = 1; x < size; x++) {
      const right = m[row + x] + m[next + x];
      // A 2×2 block of one colour: both columns all light (0 + 0) or all dark (2 + 2).
      if (left === right && left !== 1) result += 3;
      left = right;
    }
  }
  const total = size * size;
  return result + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
}

/**
 * Runs of one colour and finder-like patterns along a row (stride 1) or a column (stride size).
 * The last seven run lengths are h0 (newest) … h6 in locals, shifted by hand: this runs
 * 8 masks × 2 × size times per code.
 */
function linePenalty(m: Uint8Array, size: number, start: number, stride: number): number {
  let result = 0;
  let h0 = 0;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  let h5 = 0;
  let h6 = 0;
  let color = 0;
  let run = 0;
  for (let i = 0, at = start; i <= size; i++, at += stride) {
    // One step past the end closes the last run (Nayuki's finderPenaltyTerminateAndCount).
    const end = i === size;
    const c = end ? -1 : m[at];
    if (c === color) {
      run++;
      if (run === 5) result += 3;
      else if (run > 5) result++;
      continue;
    }
    if (end) {
      if (color) {
        h6 = h5;
        h5 = h4;
        h4 = h3;
        h3 = h2;
        h2 = h1;
        h1 = h0;
        h0 = h1 === 0 ? run + size : run;
        run = 0;
      }
      run += size;
    }
    h6 = h5;
    h5 = h4;
    h4 = h3;
    h3 = h2;
    h2 = h1;
    h1 = h0;
    h0 = h1 === 0 ? run + size : run;
    if (!color || end) {
      const n = h1;
      if (n > 0 && h2 === n && h3 === n * 3 && h4 === n && h5 === n)
        result += ((h0 >= n * 4 && h6 >= n ? 1 : 0) + (h6 >= n * 4 && h0 >= n ? 1 : 0)) * 40;
    }
    color = c;
    run = 1;
  }
  return result;
}
