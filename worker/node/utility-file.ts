// The utility's configuration on Node: the file UTILITY_CONFIG names (relative to the working
// folder), config/utility.json when unset, read and checked against the contract's schema at
// start; a fault refuses the start with its field and line (ConfigError).
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigError, type Env } from '../src/config.ts';
import { parseUtilityConfig, type UtilityConfig, UtilityConfigError } from '../../contract/utility-config.ts';

export const DEFAULT_UTILITY_CONFIG = 'config/utility.json';

/** The chosen file's absolute path. */
export const utilityConfigPath = (env: Env) => resolve(env.UTILITY_CONFIG || DEFAULT_UTILITY_CONFIG);

export function readUtilityConfig(env: Env): UtilityConfig {
  const path = utilityConfigPath(env);
  const shown = relative(process.cwd(), path) || path;
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`UTILITY_CONFIG: cannot read ${shown}: ${(e as Error).message}`);
  }
  try {
    return parseUtilityConfig(json, shown);
  } catch (e) {
    if (e instanceof UtilityConfigError)
      throw new ConfigError(`The utility's configuration is not valid:\n${e.message}`);
    throw e;
  }
}
