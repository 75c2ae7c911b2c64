// `npm test`'s second utility: the widget and the Worker built with UTILITY_CONFIG=demo/vodovod/
// utility.json, their bundles searched for the default utility (bundles.test.ts), the newcomer's
// flow run against it (test/e2e/newcomer.test.ts); then the default utility's build put back for
// the steps after this one, whatever happened.
import { spawnSync } from 'node:child_process';

const SECOND = 'demo/vodovod/utility.json';
const run = (command, env = {}) =>
  spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
// The widget's own build only: custom-elements.json (cem) is the same for every utility.
const build = (env) => run('npx tsx widget/scripts/build.ts && npx tsx worker/scripts/build-site.ts', env);

let status = build({ UTILITY_CONFIG: SECOND });
if (status === 0)
  status = run('npx vitest run --config test/second-utility/vitest.config.ts', { UTILITY_CONFIG: SECOND });
const restored = build({ UTILITY_CONFIG: '' });
process.exit(status || restored);
