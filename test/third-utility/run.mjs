// `npm test`'s third utility (test/third-utility/utility.json: T-2024/0815 codes typed in any case
// with spaces, an 8-digit PIN on the back of the bill, an orange brand, one payment for the total):
// the widget and the Worker built for it into its own root (dist/utilities/toplana-primer.example/,
// worker/node/utility-root.ts), their bundles and the Workers configuration searched for Ruma and
// deployed with wrangler as a dry run (test/second-utility/bundles.test.ts), then its one e2e
// (e2e.test.ts), which starts the Node server with the same UTILITY_CONFIG and so serves that build; the default utility's build checked to be byte for
// byte what it was before (test/support/default-build.mjs).
import { spawnSync } from 'node:child_process';
import { ROOT, changedFiles, defaultBuild } from '../support/default-build.mjs';

const THIRD = 'test/third-utility/utility.json';
const run = (command, env = {}) =>
  spawnSync(command, { shell: true, stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } }).status ?? 1;

const before = defaultBuild();
// --replace: this test utility's folder is never published; a developer's tree may hold an older build of it.
let status = run('npx tsx widget/scripts/build.ts --replace && npx tsx worker/scripts/build-site.ts', {
  UTILITY_CONFIG: THIRD,
});
if (status === 0)
  status = run('npx vitest run --config test/third-utility/vitest.config.ts', { UTILITY_CONFIG: THIRD });
const changed = changedFiles(before, defaultBuild());
if (changed.length) {
  console.error(`the third utility's build changed the default utility's files: ${changed.join(', ')}`);
  status ||= 1;
}
process.exit(status);
