// The utility's configuration compiled into the widget: every import of config/utility.json
// resolves to the file UTILITY_CONFIG names (config/utility.json when unset), checked against the
// contract's schema first — a fault stops the build with its field and line. What is bundled is
// the checked configuration, so the widget and the worker built with the same file agree.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { parseUtilityConfig, type UtilityConfig } from '../../contract/utility-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The chosen configuration, checked; throws UtilityConfigError (`file:line: field: problem`). */
export function chosenUtility(env: Record<string, string | undefined> = process.env): {
  file: string;
  utility: UtilityConfig;
} {
  const file = resolve(env.UTILITY_CONFIG || resolve(ROOT, 'config/utility.json'));
  const shown = relative(process.cwd(), file) || file;
  return { file, utility: parseUtilityConfig(readFileSync(file, 'utf8'), shown) };
}

/** The configuration's text as the bundle carries it (its release folder's hash is of this text: release-name.ts). */
export const compiledUtility = (utility: UtilityConfig) => JSON.stringify(utility);

export function utilityConfigPlugin(utility: UtilityConfig): Plugin {
  return {
    name: 'utility-config',
    setup(b) {
      // A suffix (`?login`, the login page's own slice) stays a module of its own, as esbuild keeps it.
      b.onResolve({ filter: /(^|\/)config\/utility\.json(\?[^/]*)?$/ }, (args) => ({
        path: `utility.json${/\?[^/]*$/.exec(args.path)?.[0] ?? ''}`,
        namespace: 'utility-config',
      }));
      b.onLoad({ filter: /.*/, namespace: 'utility-config' }, () => ({
        contents: compiledUtility(utility),
        loader: 'json',
      }));
    },
  };
}
