// `npm test`'s third utility (test/third-utility/utility.json: T-2024/0815 codes typed in any case
// with spaces, an 8-digit PIN on the back of the bill, an orange brand, one payment for the total):
// the widget built for it, then its one e2e (e2e.test.ts), which starts the Node server with the
// same UTILITY_CONFIG and so finds that build wherever the build put it (dist-layout.ts). Should the
// build have replaced the default utility's (its manifest changed), the default's is built again,
// whatever happened.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const THIRD = 'test/third-utility/utility.json';
const DEFAULT_MANIFEST = 'dist/widget/integrity.json';
const run = (command, env = {}) =>
  spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const manifest = () => (existsSync(DEFAULT_MANIFEST) ? readFileSync(DEFAULT_MANIFEST, 'utf8') : null);

const before = manifest();
// A test utility's build is never published: its release folder may be replaced (build.ts --replace).
let status = run('npx tsx widget/scripts/build.ts --replace', { UTILITY_CONFIG: THIRD });
if (status === 0)
  status = run('npx vitest run --config test/third-utility/vitest.config.ts', { UTILITY_CONFIG: THIRD });
const restored = manifest() === before ? 0 : run('npx tsx widget/scripts/build.ts', { UTILITY_CONFIG: '' });
process.exit(status || restored);
