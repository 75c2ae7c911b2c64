// The utility's configuration is checked before anything starts: `npm start` (worker/node/main.ts)
// and `npm run build:worker` refuse a faulty file with its line and field and exit 1, having
// opened nothing; `npm run build`'s esbuild plugin serves the chosen, checked file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';
import { chosenUtility, utilityConfigPlugin } from '../../../widget/scripts/utility-plugin.ts';
import { ConfigError } from '../../../worker/src/config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const VODOVOD = resolve(ROOT, 'demo/vodovod/utility.json');

function withBadFile(run: (file: string, line: number) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'jp-utility-'));
  const text = readFileSync(VODOVOD, 'utf8').replace('"pattern": "^[0-9]{6}$"', '"pattern": "[0-9]{6}"');
  const file = join(dir, 'vodovod.json');
  writeFileSync(file, text);
  try {
    run(file, text.split('\n').findIndex((l) => l.includes('"[0-9]{6}"')) + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the utility's configuration file", () => {
  it('is read from UTILITY_CONFIG, else config/utility.json', () => {
    expect(readUtilityConfig({ UTILITY_CONFIG: VODOVOD }).name).toBe('JKP Vodovod Primer');
    expect(readUtilityConfig({}).consumerCode.printedAt).toBeDefined();
    expect(() => readUtilityConfig({ UTILITY_CONFIG: '/nonexistent/utility.json' })).toThrow(ConfigError);
  });

  it('refuses npm start and build:worker with the line and field, before opening anything', () => {
    withBadFile((file, line) => {
      const env = { ...process.env, UTILITY_CONFIG: file, DATABASE_URL: 'file:/nonexistent/dir/never.db' };
      for (const script of ['worker/node/main.ts', 'worker/scripts/build-site.ts']) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, encoding: 'utf8' });
        expect(r.status, script).toBe(1);
        expect(r.stderr, script).toContain(
          `vodovod.json:${line}: pin.pattern: must be a regular expression from ^ to $`,
        );
      }
    });
  });

  it("is what the widget's bundle imports as config/utility.json, the ?login slice too", async () => {
    const { utility } = chosenUtility({ UTILITY_CONFIG: VODOVOD });
    const out = await build({
      stdin: {
        contents:
          "import { name } from '../config/utility.json'; import { colors } from '../config/utility.json?login'; console.log(name, colors.primary);",
        resolveDir: join(ROOT, 'widget'),
      },
      bundle: true,
      write: false,
      format: 'esm',
      plugins: [utilityConfigPlugin(utility)],
    });
    const code = out.outputFiles[0].text;
    expect(code).toContain('JKP Vodovod Primer');
    expect(code).toContain('#00695c');
    expect(code).not.toContain('Stambeno');
    withBadFile((file, line) =>
      expect(() => chosenUtility({ UTILITY_CONFIG: file })).toThrow(
        `:${line}: pin.pattern: must be a regular expression`,
      ),
    );
  });
});
