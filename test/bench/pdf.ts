// The bill PDF's CPU cost: milliseconds of CPU per PDF (user + system of this process, so the
// compression threads count too), the portal's renderer against the previous one (pdf-lib with
// fontkit subsetting DejaVu Sans for every PDF, test/bench/pdf-baseline.ts), same bill, same
// process, measured alternately; median of 3 rounds. `npx tsx test/bench/pdf.ts` runs it alone.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { billPdf } from '../../worker/src/bills/pdf/bill.ts';
import { dejaVuFonts } from '../../worker/node/files.ts';
import { billPdf as baselinePdf } from './pdf-baseline.ts';
import { BILL } from '../worker/bills/pdf-fixture.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU ms per call of `make`, over `n` calls after a warm-up. */
async function cpuPerCall(make: () => Promise<Uint8Array>, n: number): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = (await make()).length;
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await make();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000 / n, bytes };
}

export interface PdfBenchResult {
  /** CPU ms per PDF: the portal's, the previous renderer's. */
  ours: number;
  before: number;
  bytes: { ours: number; before: number };
  /** The first PDF of a process on Node: the fonts cut and their objects made (wall ms). */
  firstMs: number;
  rounds: { ours: number[]; before: number[] };
}

export async function pdfBench(rounds = 3): Promise<PdfBenchResult> {
  const t0 = performance.now();
  const fonts = await dejaVuFonts();
  await billPdf(fonts, BILL, 'sr-Cyrl');
  const firstMs = performance.now() - t0;
  const require = createRequire(import.meta.url);
  const full = {
    regular: new Uint8Array(await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
    bold: new Uint8Array(await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
  };
  const ours: number[] = [];
  const before: number[] = [];
  let bytes = { ours: 0, before: 0 };
  for (let r = 0; r < rounds; r++) {
    const a = await cpuPerCall(() => billPdf(fonts, BILL, r % 2 ? 'sr-Latn' : 'sr-Cyrl'), 100);
    const b = await cpuPerCall(() => baselinePdf(full, BILL, r % 2 ? 'sr-Latn' : 'sr-Cyrl'), 10);
    ours.push(a.ms);
    before.push(b.ms);
    bytes = { ours: a.bytes, before: b.bytes };
  }
  return { ours: median(ours), before: median(before), bytes, firstMs, rounds: { ours, before } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await pdfBench();
  console.log(
    `bill PDF: ${r.ours.toFixed(2)} ms CPU (${r.bytes.ours} bytes) vs ${r.before.toFixed(1)} ms before (${r.bytes.before} bytes), ` +
      `${(r.before / r.ours).toFixed(1)}× less; first PDF of a process ${r.firstMs.toFixed(0)} ms`,
  );
}
