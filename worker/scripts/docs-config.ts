// `npm run docs:config`: writes docs/configuration.md's tables of environment variables, between
// its markers, from worker/src/config-vars.ts (the one list, checked against the code by
// test/worker/docs/config-vars.test.ts). `--check` fails when the file is not what the list gives
// (test/worker/docs/configuration-doc.test.ts runs the same comparison).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENV_GROUPS, ENV_VARS, type EnvGroup, type EnvVar } from '../src/config-vars.ts';

export const CONFIGURATION_DOC = resolve(import.meta.dirname, '../../docs/configuration.md');
export const START = '<!-- env-vars:start — written by `npm run docs:config` from worker/src/config-vars.ts -->';
export const END = '<!-- env-vars:end -->';

function shownDefault(v: EnvVar): string {
  if (v.defaultText !== undefined) return v.defaultText;
  if (v.default === undefined) return '—';
  return typeof v.default === 'number' ? `\`${v.default}\`` : `\`${String(v.default)}\``;
}

const row = (v: EnvVar): string =>
  `| \`${v.name}\` | ${shownDefault(v)} | ${v.only ? `${v.only} only: ` : ''}${v.description} |`;

/** The part between the markers: one table per group, in the list's order. */
export function envTables(vars: readonly EnvVar[] = ENV_VARS): string {
  const parts: string[] = [];
  for (const group of Object.keys(ENV_GROUPS) as EnvGroup[]) {
    const rows = vars.filter((v) => v.group === group);
    if (!rows.length) continue;
    parts.push(`### ${ENV_GROUPS[group]}`, '', '| variable | default | meaning |', '| --- | --- | --- |');
    parts.push(...rows.map(row), '');
  }
  return parts.join('\n');
}

/** The document with its tables replaced; throws when the markers are missing. */
export function withEnvTables(doc: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/configuration.md needs the markers ${START} and ${END}`);
  return `${doc.slice(0, a + START.length)}\n\n${envTables()}\n${doc.slice(b)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const doc = readFileSync(CONFIGURATION_DOC, 'utf8');
  const next = withEnvTables(doc);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/configuration.md is out of date: npm run docs:config');
      process.exit(1);
    }
  } else {
    writeFileSync(CONFIGURATION_DOC, next);
    console.log(`docs/configuration.md: ${ENV_VARS.length} variables written`);
  }
}
