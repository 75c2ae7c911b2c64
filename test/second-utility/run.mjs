// `npm test`'s second utility: the widget and the Worker built with UTILITY_CONFIG=demo/vodovod/
// utility.json into its own root (dist/utilities/vodovod-primer.example/, worker/node/utility-root.ts),
// their bundles searched for the default utility (bundles.test.ts), the newcomer's flow run against
// it (test/e2e/newcomer.test.ts); and the default utility's build (dist/ outside dist/utilities, and
// the Worker's generated configuration) checked to be byte for byte what it was before — nothing
// to put back for the steps after this one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SECOND = 'demo/vodovod/utility.json';
const run = (command, env = {}) =>
  spawnSync(command, { shell: true, stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } }).status ?? 1;

/** Every file of the default utility's build, with its sha256 (dist/utilities left out). */
function defaultBuild() {
  const files = {};
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === join(ROOT, 'dist/utilities')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(ROOT.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(ROOT, 'dist'));
  walk(join(ROOT, 'worker/workers/generated'));
  return files;
}

const before = defaultBuild();
// --replace: this demo utility's folder is never published; a developer's tree may hold an older build of it.
let status = run('npx tsx widget/scripts/build.ts --replace && npx tsx worker/scripts/build-site.ts', {
  UTILITY_CONFIG: SECOND,
});
if (status === 0)
  status = run('npx vitest run --config test/second-utility/vitest.config.ts', { UTILITY_CONFIG: SECOND });
const after = defaultBuild();
const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
if (changed.length) {
  console.error(`the second utility's build changed the default utility's files: ${changed.sort().join(', ')}`);
  status ||= 1;
}
process.exit(status);
