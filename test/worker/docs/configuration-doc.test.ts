// docs/configuration.md's tables are what `npm run docs:config` writes from worker/src/config-vars.ts:
// edit the list, run the script, commit both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from '../../../worker/src/config-vars.ts';
import { CONFIGURATION_DOC, envTables, withEnvTables } from '../../../worker/scripts/docs-config.ts';

describe('docs/configuration.md', () => {
  const doc = readFileSync(CONFIGURATION_DOC, 'utf8');

  it('holds the tables the script would write (else: npm run docs:config)', () => {
    expect(doc).toBe(withEnvTables(doc));
  });

  it('lists every variable once', () => {
    for (const v of ENV_VARS) expect(doc.split(`| \`${v.name}\` |`).length - 1, v.name).toBe(1);
    expect(
      envTables()
        .split('\n')
        .filter((l) => l.startsWith('| `')).length,
    ).toBe(ENV_VARS.length);
  });
});
