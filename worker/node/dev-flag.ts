// `--dev` on the Node server's command line (`npm start` passes it): APP_ENV=development unless
// APP_ENV is set. A flag rather than `APP_ENV=development tsx …` in package.json, which the
// Windows shell npm uses would not run. An APP_ENV that is set wins: `APP_ENV=production npm start`
// is production, and a misspelt value is refused by loadConfig, never read as development.
import { ConfigError, type Env } from '../src/config.ts';

export function withDevFlag(env: Env, argv: string[]): Env {
  const unknown = argv.filter((a) => a !== '--dev');
  if (unknown.length)
    throw new ConfigError(
      `unknown argument ${unknown.join(' ')}: the only one is --dev (development unless APP_ENV is set)`,
    );
  if (!argv.includes('--dev') || (env.APP_ENV !== undefined && env.APP_ENV !== '')) return env;
  return { ...env, APP_ENV: 'development' };
}
