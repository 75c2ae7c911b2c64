// Each utility's build and development data in a place of its own (worker/node/utility-root.ts):
// the default configuration in dist/ and data/ as documented, another file in dist/utilities/
// <domain>/ and data/utilities/<domain>/ (its website's domain); DATABASE_URL and FILES_DIR win.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ROOT } from '../harness.ts';
import { dataRoot, databaseUrl, distRoot, filesDir, utilityKey } from '../../../worker/node/utility-root.ts';

const VODOVOD = resolve(ROOT, 'demo/vodovod/utility.json');

describe("a utility's root", () => {
  it('is dist/ and data/ for the default configuration, named or not', () => {
    for (const env of [{}, { UTILITY_CONFIG: '' }, { UTILITY_CONFIG: resolve(ROOT, 'config/utility.json') }]) {
      expect(utilityKey(env)).toBeNull();
      expect(distRoot(env)).toBe(resolve(ROOT, 'dist'));
      expect(databaseUrl(env)).toBe('file:data/portal.db');
      expect(filesDir(env)).toBe('data/files');
    }
  });

  it("is the website's domain for another file: its own build, database and files", () => {
    const env = { UTILITY_CONFIG: VODOVOD };
    expect(utilityKey(env)).toBe('vodovod-primer.example');
    expect(distRoot(env)).toBe(resolve(ROOT, 'dist/utilities/vodovod-primer.example'));
    expect(dataRoot(env)).toBe('data/utilities/vodovod-primer.example');
    expect(databaseUrl(env)).toBe('file:data/utilities/vodovod-primer.example/portal.db');
    expect(filesDir(env)).toBe('data/utilities/vodovod-primer.example/files');
  });

  it('leaves DATABASE_URL and FILES_DIR as set', () => {
    const env = { UTILITY_CONFIG: VODOVOD, DATABASE_URL: 'libsql://x.example', FILES_DIR: '/srv/files' };
    expect(databaseUrl(env)).toBe('libsql://x.example');
    expect(filesDir(env)).toBe('/srv/files');
  });
});
