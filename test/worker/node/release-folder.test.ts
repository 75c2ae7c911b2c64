// A release folder is written once (widget/scripts/release-folder.ts): a new folder gets the staged
// files, the same bytes again change nothing, other bytes — a changed, a new or a missing file —
// are refused naming the file, with the folder left as it was, unless replacing is asked for; and
// a release folder's name (release-name.ts) is the version and 8 hex digits of the configuration.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleaseChangedError, filesUnder, settleRelease } from '../../../widget/scripts/release-folder.ts';
import { RELEASE_NAME, configHash, releaseName } from '../../../widget/scripts/release-name.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A staging folder holding `files` (relative path → text), inside `base`. */
function stage(base: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(base, 'stage-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const snapshot = (dir: string) =>
  Object.fromEntries(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('a release folder', () => {
  const FILES = { 'jp-portal.js': 'entry', 'chunks/a-1.js': 'chunk', 'integrity.json': '{}' };
  const setup = () => {
    const base = mkdtempSync(join(tmpdir(), 'jp-release-'));
    dirs.push(base);
    return { base, out: join(base, '0.1.0-0a1b2c3d') };
  };

  it('is written when new, and left alone when built again with the same bytes', () => {
    const { base, out } = setup();
    const staged = stage(base, FILES);
    expect(settleRelease(staged, out, 'dist/widget/0.1.0-0a1b2c3d', false)).toBe('new');
    expect(snapshot(out)).toEqual(FILES);
    expect(existsSync(staged)).toBe(false);
    const again = stage(base, FILES);
    expect(settleRelease(again, out, 'dist/widget/0.1.0-0a1b2c3d', false)).toBe('unchanged');
    expect(existsSync(again)).toBe(false);
    expect(snapshot(out)).toEqual(FILES);
  });

  it('refuses other bytes, naming the file and what to do, and keeps every byte', () => {
    for (const next of [
      { ...FILES, 'chunks/a-1.js': 'chunk, changed' },
      { ...FILES, 'chunks/b-2.js': 'a new chunk' },
      { 'jp-portal.js': 'entry', 'integrity.json': '{}' },
    ]) {
      const { base, out } = setup();
      settleRelease(stage(base, FILES), out, 'dist/widget/0.1.0-0a1b2c3d', false);
      const staged = stage(base, next);
      let error: unknown;
      try {
        settleRelease(staged, out, 'dist/widget/0.1.0-0a1b2c3d', false);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReleaseChangedError);
      const message = (error as Error).message;
      const differs = Object.keys({ ...FILES, ...next }).find(
        (f) => (FILES as Record<string, string>)[f] !== (next as Record<string, string>)[f],
      );
      expect(message).toContain(`dist/widget/0.1.0-0a1b2c3d/${differs}`);
      expect(message).toContain('A released version never changes: raise the version in package.json');
      expect(message).toContain('delete dist/widget/0.1.0-0a1b2c3d if it was never published');
      expect(message).toContain('npm run build -- --replace');
      expect(snapshot(out)).toEqual(FILES);
      expect(existsSync(staged)).toBe(false);
    }
  });

  it('is replaced when asked (an unpublished folder), with nothing of the old left', () => {
    const { base, out } = setup();
    settleRelease(stage(base, FILES), out, 'x', false);
    const next = { 'jp-portal.js': 'entry 2', 'chunks/b-2.js': 'chunk 2' };
    expect(settleRelease(stage(base, next), out, 'x', true)).toBe('replaced');
    expect(snapshot(out)).toEqual(next);
  });
});

describe("a release folder's name", () => {
  it('is the version, a dash and 8 hex digits of the compiled configuration', () => {
    const name = releaseName('0.1.0', '{"colors":{"primary":"#0b5394"}}');
    expect(name).toMatch(/^0\.1\.0-[0-9a-f]{8}$/);
    expect(name).toMatch(RELEASE_NAME);
    expect(releaseName('0.1.0', '{"colors":{"primary":"#0b5395"}}')).not.toBe(name);
    expect(releaseName('0.1.0', '{"colors":{"primary":"#0b5394"}}')).toBe(name);
    expect(releaseName('1.0.0-rc.1', '{}')).toBe(`1.0.0-rc.1-${configHash('{}')}`);
    expect(releaseName('1.0.0-rc.1', '{}')).toMatch(RELEASE_NAME);
    expect(() => releaseName('1.0', '{}')).toThrow('not semver');
    for (const bad of ['0.1.0', '0.1.0-0a1b2c3', '0.1.0-0A1B2C3D', '0.1.0-0a1b2c3d/..', '../0.1.0-0a1b2c3d'])
      expect(bad).not.toMatch(RELEASE_NAME);
  });
});
