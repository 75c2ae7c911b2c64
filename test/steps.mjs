// `npm test`: every check and suite as a named step, run one after another; each prints its name
// and how long it took, the first failure stops the run (and its exit code is the run's).
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['chromium (Debian package, installed when missing)', 'bash test/ensure-chromium.sh'],
  ['qpdf (Debian package, installed when missing: the structural check of the bill PDFs)', 'bash test/ensure-qpdf.sh'],
  ['format and lint (Biome)', 'npm run lint'],
  ['no import cycles (madge)', 'npm run check:cycles'],
  ['build the widget', 'npm run build'],
  ['build the Worker', 'npm run build:worker'],
  ['locales', 'npm run locales:check'],
  ['types', 'npm run typecheck'],
  ['nothing Node-only on the Worker path', 'npm run check:worker'],
  ['widget size', 'npm run size'],
  ['Worker size', 'npm run size:worker'],
  ['worker tests (libSQL files)', 'npm run test:worker'],
  ['worker tests (libSQL over HTTP)', 'npm run test:worker:http'],
  ['the Worker in workerd', 'npm run test:workerd'],
  ['widget tests (Chromium)', 'npm run test:widget'],
  ['end to end (Chromium)', 'npm run test:e2e'],
  [
    'a second utility by configuration (demo/vodovod) in a root of its own: its builds, a release never changing, the newcomer e2e; the default build untouched',
    'node test/second-utility/run.mjs',
  ],
  [
    'a third utility by configuration (test/third-utility: slash codes typed in any case, the PIN on the back) in a root of its own: its widget, its e2e; the default build untouched',
    'node test/third-utility/run.mjs',
  ],
  ['reliability', 'npm run test:reliability'],
  [
    'the benchmark, quick: its own packages (test/bench/package.json) installed and its types checked, then each row runs and gives a number (timings are not judged; the full one is npm run bench)',
    'npm run bench:deps && npx tsc -p test/bench && npx tsx test/bench/run.ts --quick',
  ],
];

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
for (const [i, [name, command]] of STEPS.entries()) {
  console.log(`\n▶ ${i + 1}/${STEPS.length} ${name} — ${command}`);
  const t = Date.now();
  const r = spawnSync(command, { shell: true, stdio: 'inherit' });
  const status = r.status ?? 1;
  console.log(`${status === 0 ? '✔' : '✘'} ${name}: ${seconds(Date.now() - t)}`);
  if (status !== 0) {
    console.log(`\nnpm test stopped at step ${i + 1} (${name}) after ${seconds(Date.now() - started)}`);
    process.exit(status);
  }
}
console.log(`\nnpm test: all ${STEPS.length} steps passed in ${seconds(Date.now() - started)}`);
