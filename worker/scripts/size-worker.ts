// `npm run size:worker`: what `wrangler deploy` would upload (bundle + WebAssembly), gzip,
// against the 1 MiB budget. Prints the figures; no account or network needed (--dry-run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const BUDGET = 1024 * 1024;
const out = mkdtempSync(join(tmpdir(), 'jp-worker-'));
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out],
  {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
);
let raw = 0;
let gzip = 0;
for (const f of readdirSync(out).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))) {
  const bytes = readFileSync(join(out, f));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
rmSync(out, { recursive: true, force: true });
console.log(
  `worker upload: ${(raw / 1024).toFixed(0)} KiB, ${(gzip / 1024).toFixed(0)} KiB gzip with WebAssembly (budget ${BUDGET / 1024} KiB)`,
);
if (gzip > BUDGET) process.exit(1);
