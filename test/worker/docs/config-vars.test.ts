// worker/src/config-vars.ts is the one list of environment variables (docs/configuration.md is
// written from it): every variable the code reads is in it, nothing else is, and each default it
// gives is the code's — by the literal written beside the name, and for loadConfig by the effect of
// setting the default by hand (the same Config) or another value (a different one).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Env } from '../../../worker/src/config.ts';
import { ENV_VARS } from '../../../worker/src/config-vars.ts';
import { DEFAULT_SERVER_LIMITS, serverLimitsFromEnv } from '../../../worker/node/http-server.ts';
import { DEFAULT_UTILITY_CONFIG } from '../../../worker/node/utility-file.ts';
import { testUtility } from '../../support/utility.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const CONFIG_TS = read('worker/src/config.ts');
const NODE_TS = readdirSync(resolve(ROOT, 'worker/node'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(`worker/node/${f}`))
  .join('\n');
const WORKERS_ENTRY = read('worker/workers/entry.ts');
const BUILD_TS = ['widget/scripts', 'worker/scripts']
  .flatMap((dir) =>
    readdirSync(resolve(ROOT, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`${dir}/${f}`)),
  )
  .join('\n');

const byName = new Map(ENV_VARS.map((v) => [v.name, v]));
const names = (src: string, re: RegExp) => [...src.matchAll(re)].map((m) => m[1]);
const READ_BY_HELPER = /\b(?:int|bool|positiveInt)\(\s*env,\s*'([A-Z][A-Z0-9_]*)'/g;
const READ_BY_PROPERTY = /\b(?:process\.)?env\.([A-Z][A-Z0-9_]*)\b/g;
/** In config.ts, `int(env, 'NAME', 50_000, …)` / `bool(env, 'NAME', false)`. */
const HELPER_DEFAULT = /\b(?:int|bool)\(\s*env,\s*'([A-Z][A-Z0-9_]*)',\s*([0-9_]+|true|false)\b/g;
/** Anywhere: `env.NAME || 'literal'`, `env.NAME ?? 'literal'`, `Number(env.NAME) || 30` (not `?? ''`: unset read as empty). */
const LITERAL_DEFAULT = /\benv\.([A-Z][A-Z0-9_]*)\)?\s*(?:\|\||\?\?)\s*(?:'([^']+)'|([0-9_]+)\b)/g;

const configNames = new Set([...names(CONFIG_TS, READ_BY_HELPER), ...names(CONFIG_TS, READ_BY_PROPERTY)]);
const nodeNames = new Set([...names(NODE_TS, READ_BY_HELPER), ...names(NODE_TS, READ_BY_PROPERTY)]);
// The Workers entry's `env` holds bindings (FILES, ASSETS, MAIL_QUEUE); its variables are `vars`.
const workersNames = new Set(names(WORKERS_ENTRY, /\bvars\.([A-Z][A-Z0-9_]*)\b/g));
// The builds read the utility's file for the widget and the Worker alike.
const buildNames = new Set(names(BUILD_TS, READ_BY_PROPERTY));

const DEV: Env = { APP_ENV: 'development' };
const load = (extra: Env) => loadConfig({ ...DEV, ...extra }, testUtility);

describe('the list of environment variables (worker/src/config-vars.ts)', () => {
  it('names each variable once, in one line without a table separator', () => {
    expect(byName.size).toBe(ENV_VARS.length);
    for (const v of ENV_VARS) {
      expect(v.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(`${v.description}${v.defaultText ?? ''}`, v.name).not.toMatch(/[|\n]/);
      expect(v.default !== undefined && v.defaultText !== undefined, v.name).toBe(false);
    }
  });

  it('holds every variable the code reads, and none it does not', () => {
    const read = new Set([...configNames, ...nodeNames, ...workersNames]);
    expect(configNames.size).toBeGreaterThan(40);
    expect(
      [...read].filter((n) => !byName.has(n)),
      'read by the code, missing from the list',
    ).toEqual([]);
    expect(
      ENV_VARS.map((v) => v.name).filter((n) => !read.has(n)),
      'in the list, read nowhere',
    ).toEqual([]);
  });

  it('says "Node only" / "Workers only" exactly of what only that runtime reads', () => {
    for (const v of ENV_VARS) {
      const where = configNames.has(v.name)
        ? undefined
        : nodeNames.has(v.name) && !workersNames.has(v.name) && !buildNames.has(v.name)
          ? 'Node'
          : workersNames.has(v.name) && !nodeNames.has(v.name)
            ? 'Workers'
            : undefined;
      expect(v.only, v.name).toBe(where);
    }
  });

  it("gives the code's own default wherever the code writes it beside the name", () => {
    const found: [string, string | number | boolean][] = [];
    for (const m of CONFIG_TS.matchAll(HELPER_DEFAULT))
      found.push([m[1], m[2] === 'true' ? true : m[2] === 'false' ? false : Number(m[2].replaceAll('_', ''))]);
    for (const m of `${CONFIG_TS}\n${NODE_TS}`.matchAll(LITERAL_DEFAULT))
      found.push([m[1], m[2] ?? Number(m[3].replaceAll('_', ''))]);
    expect(found.length).toBeGreaterThan(40);
    for (const [name, value] of found) expect(byName.get(name)?.default, name).toBe(value);
  });

  it("gives loadConfig's defaults: setting one by hand changes nothing, another value changes the Config", () => {
    const base = load({});
    let checked = 0;
    for (const v of ENV_VARS) {
      if (!configNames.has(v.name) || v.default === undefined) continue;
      expect(load({ [v.name]: String(v.default) }), v.name).toEqual(base);
      const other =
        typeof v.default === 'number'
          ? String(v.default + 1)
          : typeof v.default === 'boolean'
            ? String(!v.default)
            : v.name === 'ALLOWED_ORIGINS'
              ? 'http://localhost:9999'
              : 'http://localhost:9999/';
      expect(load({ [v.name]: other }), v.name).not.toEqual(base);
      checked++;
    }
    expect(checked).toBeGreaterThan(35);
  });

  it("gives the Node server's defaults (its limits and the utility's file)", () => {
    const d = DEFAULT_SERVER_LIMITS;
    expect(byName.get('HTTP_HEADERS_TIMEOUT_MS')?.default).toBe(d.headersTimeoutMs);
    expect(byName.get('HTTP_REQUEST_TIMEOUT_MS')?.default).toBe(d.requestTimeoutMs);
    expect(byName.get('HTTP_KEEP_ALIVE_TIMEOUT_MS')?.default).toBe(d.keepAliveTimeoutMs);
    expect(byName.get('HTTP_MAX_CONNECTIONS')?.default).toBe(d.maxConnections);
    expect(byName.get('HTTP_MAX_CONNECTIONS_PER_CLIENT')?.defaultText).toContain(`\`${d.maxConnectionsPerClient}\``);
    expect(serverLimitsFromEnv({})).toEqual(d);
    expect(byName.get('UTILITY_CONFIG')?.default).toBe(DEFAULT_UTILITY_CONFIG);
  });
});
