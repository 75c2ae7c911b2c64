// Component tests in real Chromium (Debian's package; nothing is downloaded).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';

export default {
  files: 'test/widget/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2021', tsconfig: 'widget/tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  concurrency: 1,
};
