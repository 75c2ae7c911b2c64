// `npm test`'s second utility: the widget and the Worker built with UTILITY_CONFIG=demo/vodovod/
// utility.json into its own root (dist/utilities/vodovod-primer.example/, worker/node/utility-root.ts),
// their bundles searched for the default utility (bundles.test.ts), the newcomer's flow run against
// it (test/e2e/newcomer.test.ts); and the default utility's build (dist/ outside dist/utilities, and
// the Worker's generated configuration) checked to be byte for byte what it was before — nothing
// to put back for the steps after this one (test/support/default-build.mjs).
import { spawnSync } from 'node:child_process';
import { ROOT, changedFiles, defaultBuild } from '../support/default-build.mjs';

const SECOND = 'demo/vodovod/utility.json';
const run = (command, env = {}) =>
  spawnSync(command, { shell: true, stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } }).status ?? 1;

const before = defaultBuild();
// --replace: this demo utility's folder is never published; a developer's tree may hold an older build of it.
let status = run('npx tsx widget/scripts/build.ts --replace && npx tsx worker/scripts/build-site.ts', {
  UTILITY_CONFIG: SECOND,
});
if (status === 0)
  status = run('npx vitest run --config test/second-utility/vitest.config.ts', { UTILITY_CONFIG: SECOND });
const changed = changedFiles(before, defaultBuild());
if (changed.length) {
  console.error(`the second utility's build changed the default utility's files: ${changed.join(', ')}`);
  status ||= 1;
}
process.exit(status);
