// A released version never changes (widget/scripts/release-folder.ts, release-name.ts), with the
// real `npm run build` (build.ts) for a utility of its own (a copy of config/utility.json on
// another website, so it builds into dist/utilities/izdanje-proba.example/, worker/node/
// utility-root.ts): the same source and configuration built twice succeeds, byte for byte; two
// colours are two release folders and the second build leaves the first's bytes as they were;
// other bytes in an existing folder are refused with exit code 1, naming the file, and nothing
// changes.
// Four builds (one stops early); the root is removed afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filesUnder } from '../../widget/scripts/release-folder.ts';
import { RELEASE_NAME } from '../../widget/scripts/release-name.ts';
import type { WidgetManifest } from '../../widget/scripts/dist-layout.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'dist/utilities/izdanje-proba.example');
const WIDGET = join(OUT, 'widget');
const tmp = mkdtempSync(join(tmpdir(), 'jp-release-build-'));

/** A copy of the default configuration on its own website, with `primary` as its primary colour. */
function configWith(primary: string): string {
  const u = JSON.parse(readFileSync(resolve(ROOT, 'config/utility.json'), 'utf8'));
  u.website = 'https://www.izdanje-proba.example';
  u.mail.from = 'portal@izdanje-proba.example';
  u.colors.primary = primary;
  const file = join(tmp, `utility-${primary.slice(1)}.json`);
  writeFileSync(file, JSON.stringify(u, null, 2));
  return file;
}

function build(config: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'widget/scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, UTILITY_CONFIG: config },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const latest = () => JSON.parse(readFileSync(join(WIDGET, 'integrity.json'), 'utf8')) as WidgetManifest;
/** A release folder's files and their bytes. */
const bytes = (release: string) =>
  Object.fromEntries(filesUnder(join(WIDGET, release)).map((f) => [f, readFileSync(join(WIDGET, release, f))]));

afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('a released version never changes', () => {
  const blue = configWith('#0b5394');
  const green = configWith('#00695c');
  let one: WidgetManifest;
  let oneBytes: Record<string, Buffer>;

  it('builds the same source and configuration again, byte for byte, and succeeds', () => {
    rmSync(OUT, { recursive: true, force: true });
    const first = build(blue);
    expect(first.status, first.out).toBe(0);
    one = latest();
    expect(one.release).toMatch(RELEASE_NAME);
    oneBytes = bytes(one.release);
    // Right after (the sources of a shared working tree may change between builds).
    const again = build(blue);
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain(`widget/${one.release}: unchanged`);
    expect(latest()).toEqual(one);
    expect(bytes(one.release)).toEqual(oneBytes);
  }, 240_000);

  it('builds two colours into two release folders, leaving the first as it was', () => {
    const second = build(green);
    expect(second.status, second.out).toBe(0);
    const two = latest();
    expect(two.version).toBe(one.version);
    expect(two.release).not.toBe(one.release);
    expect(Object.values(bytes(two.release)).some((b) => b.includes('#00695c'))).toBe(true);
    // The first release's bytes, every one, as they were; its colour is still its own.
    expect(bytes(one.release)).toEqual(oneBytes);
    expect(Object.values(oneBytes).some((b) => b.includes('#0b5394'))).toBe(true);
    expect(Object.values(oneBytes).some((b) => b.includes('#00695c'))).toBe(false);
    // The alias follows the latest build.
    expect(readFileSync(join(WIDGET, 'jp-portal.js'), 'utf8')).toBe(`export*from"./${two.entry}";\n`);
  }, 240_000);

  it('refuses other bytes in an existing release folder: exit code 1, the file named, nothing written', () => {
    const { release } = latest();
    const chunk = Object.keys(latest().files).find((f) => f.includes('/chunks/'))!;
    appendFileSync(join(WIDGET, chunk), '\n// changed after release\n');
    const changed = bytes(release);
    const refused = build(green);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(`dist/utilities/izdanje-proba.example/widget/${chunk}`);
    expect(refused.out).toContain('A released version never changes: raise the version in package.json');
    expect(refused.out).toContain(
      `delete dist/utilities/izdanje-proba.example/widget/${release} if it was never published`,
    );
    expect(bytes(release)).toEqual(changed);
    // No staging folder is left behind.
    expect(filesUnder(OUT).filter((f) => f.startsWith('.widget-'))).toEqual([]);
  }, 120_000);
});
