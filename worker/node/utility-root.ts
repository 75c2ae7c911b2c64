// Where one utility's build and development data live, so that two utilities built and run from one
// checkout never overwrite each other: the default configuration (config/utility.json, UTILITY_CONFIG
// unset) builds into dist/ and keeps its data in data/, as documented; any other file UTILITY_CONFIG
// names builds into dist/utilities/<domain>/ and keeps its data in data/utilities/<domain>/, keyed by
// its website's domain (the utility's identity, the same wherever its file lies). Invariant: every
// writer and reader of a build's output (npm run build, build:worker, the Node server, size, bench,
// tests) and the Node defaults of DATABASE_URL and FILES_DIR ask here.
import { resolve } from 'node:path';
import type { Env } from '../src/config.ts';
import { siteDomain } from '../scripts/wrangler-config.ts';
import { DEFAULT_UTILITY_CONFIG, readUtilityConfig } from './utility-file.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** null for the default configuration, else its website's domain (the file read and checked). */
export function utilityKey(env: Env = process.env): string | null {
  const file = env.UTILITY_CONFIG;
  if (!file || resolve(file) === resolve(ROOT, DEFAULT_UTILITY_CONFIG)) return null;
  return siteDomain(readUtilityConfig(env).website);
}

/** The folder a build writes: dist/ for the default configuration, else dist/utilities/<domain>/. */
export function distRoot(env: Env = process.env): string {
  const key = utilityKey(env);
  return key ? resolve(ROOT, 'dist/utilities', key) : resolve(ROOT, 'dist');
}

/** The Node server's data folder (relative to the working folder, as DATABASE_URL's default always was). */
export function dataRoot(env: Env = process.env): string {
  const key = utilityKey(env);
  return key ? `data/utilities/${key}` : 'data';
}

/** DATABASE_URL, else the utility's own file under dataRoot. */
export const databaseUrl = (env: Env = process.env) => env.DATABASE_URL || `file:${dataRoot(env)}/portal.db`;

/** FILES_DIR, else the utility's own folder under dataRoot. */
export const filesDir = (env: Env = process.env) => env.FILES_DIR || `${dataRoot(env)}/files`;
