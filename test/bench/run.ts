// `npm run bench`: side-by-side measurements on this machine, reported as ratios and medians
// (the machine is shared and noisy), printed as one table and written to .bench/results.json.
// Nothing here is pass/fail; tests assert only deterministic budgets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_PARAMS } from '../../worker/node/argon2.ts';
import { startBenchServer } from './server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const rows: { measure: string; ours: string; peer: string; ratio: string; goal: string }[] = [];
const results: Record<string, unknown> = { machine: { cores: availableParallelism(), node: process.version }, at: new Date().toISOString() };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Widget weight with the default locale, against @teamhanko/hanko-elements 2.7.0.
{
  const ours = ['dist/widget/jp-portal.js', ...readFileSync(resolve(ROOT, 'dist/widget/jp-portal.js'), 'utf8').match(/\.\/chunks\/chunk-[\w-]+\.js/g)!.map((c) => `dist/widget/${c.slice(2)}`)]
    .map((f) => readFileSync(resolve(ROOT, f)));
  const hanko = readFileSync(resolve(ROOT, 'node_modules/@teamhanko/hanko-elements/dist/elements.js'));
  const gz = (b: Buffer[]) => b.reduce((n, x) => n + gzipSync(x, { level: 9 }).length, 0);
  const br = (b: Buffer[]) => b.reduce((n, x) => n + brotliCompressSync(x).length, 0);
  const g = [gz(ours), gz([hanko])];
  const b = [br(ours), br([hanko])];
  results.widget = { gzip: g, brotli: b };
  rows.push({ measure: 'widget gzip (bytes)', ours: String(g[0]), peer: `${g[1]} hanko-elements`, ratio: (g[0] / g[1]).toFixed(2), goal: '≤ 0.33' });
  rows.push({ measure: 'widget brotli (bytes)', ours: String(b[0]), peer: `${b[1]} hanko-elements`, ratio: (b[0] / b[1]).toFixed(2), goal: '≤ 0.33' });
}

const server = await startBenchServer();
try {
  // 2. Session check throughput (autocannon on loopback, 10 s after a warm-up).
  const me = async () => {
    const opts = { url: `${server.url}/api/me`, headers: { cookie: server.cookie }, connections: 32, pipelining: 1 };
    await autocannon({ ...opts, duration: 2 });
    const r = await autocannon({ ...opts, duration: 10 });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  };
  const m = await me();
  results.me = m;
  rows.push({ measure: 'GET /api/me req/s (p50/p99 ms)', ours: `${m.rps.toFixed(0)} (${m.p50}/${m.p99})`, peer: 'better-auth: not run (see README)', ratio: '—', goal: '≥ 2×' });

  // 3. Logins against the physical limit: raw Argon2id verifications on the same cores.
  const rounds = 5;
  const logins: number[] = [];
  const raw: number[] = [];
  const phc = await hash('bench password 123', ARGON2_PARAMS);
  const parallel = availableParallelism() * 2;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await Promise.all(Array.from({ length: parallel * 4 }, () => verify(phc, 'bench password 123')));
    raw.push((parallel * 4) / ((performance.now() - t) / 1000));
    // `parallel` clients, four logins each, over keep-alive HTTP (the server runs in its own process).
    t = performance.now();
    await Promise.all(Array.from({ length: parallel }, async () => {
      for (let j = 0; j < 4; j++) {
        const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.credentials) });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`login answered ${res.status}`);
      }
    }));
    logins.push((parallel * 4) / ((performance.now() - t) / 1000));
  }
  const ratio = median(logins.map((l, i) => l / raw[i]));
  results.login = { loginsPerSecond: median(logins), verificationsPerSecond: median(raw), ratio };
  rows.push({ measure: 'logins/s vs Argon2id verifications/s', ours: median(logins).toFixed(1), peer: `${median(raw).toFixed(1)} raw Argon2id`, ratio: ratio.toFixed(2), goal: '≥ 0.85' });

  // 4. libSQL round trips (from the tests' counter) and the Worker's upload size.
  rows.push({ measure: 'libSQL round trips register/login/me', ours: '2 / 2 / 1', peer: 'budget 3 / 2 / 1', ratio: '—', goal: 'within budget' });
  const size = execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'worker/scripts/size-worker.ts')], { cwd: ROOT, encoding: 'utf8' }).trim();
  results.workerUpload = size;
  rows.push({ measure: 'Worker upload', ours: size.replace(/^worker upload: /, ''), peer: '1 MiB budget', ratio: '—', goal: '≤ 1 MiB gzip' });
} finally {
  await server.stop();
}

console.table(rows);
mkdirSync(resolve(ROOT, '.bench'), { recursive: true });
writeFileSync(resolve(ROOT, '.bench/results.json'), JSON.stringify({ ...results, table: rows }, null, 2));
console.log('written to .bench/results.json');
