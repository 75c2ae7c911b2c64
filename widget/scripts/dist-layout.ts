// Where `npm run build` puts the widget, read by the build, `npm run size`, the bench, the
// Worker's site build, the Node server and the tests. Each utility's build has a root of its own
// (worker/node/utility-root.ts: dist/ for config/utility.json, else dist/utilities/<domain>/);
// <root>/widget/<release>/ (release-name.ts: `<version>-<8 hex of the configuration>`) holds the
// entry jp-portal.js, its chunks and integrity.json; it never changes once written
// (release-folder.ts), so it is served as immutable. <root>/widget/jp-portal.js is the alias to the
// latest (a module re-exporting the versioned entry) and <root>/widget/integrity.json the latest's
// manifest; both have a short cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { distRoot } from '../../worker/node/utility-root.ts';
import { SEMVER } from './release-name.ts';
import { scriptTag } from '../../contract/widget-tags.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ENTRY = 'jp-portal.js';
export const MANIFEST = 'integrity.json';

/** The chosen utility's widget folder: <root>/widget. */
export const widgetDist = (env: Record<string, string | undefined> = process.env) => resolve(distRoot(env), 'widget');

export interface WidgetManifest {
  /** package.json's version. */
  version: string;
  /** The release folder's name (release-name.ts), e.g. `0.1.0-3f9a0c2e`. */
  release: string;
  /** The versioned entry, relative to /widget/ (e.g. `0.1.0-3f9a0c2e/jp-portal.js`). */
  entry: string;
  /** The entry's Subresource Integrity: `sha384-` and the base64 digest. */
  integrity: string;
  /** Every script of the version (entry and chunks, relative to /widget/) with its integrity, for an import map. */
  files: Record<string, string>;
  /**
   * The chunks the entry imports statically (relative to /widget/): the login's path. A page that
   * names them in `<link rel="modulepreload">` fetches them all at once instead of one level at a time.
   */
  preload: string[];
}

export function widgetVersion(): string {
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (!SEMVER.test(version)) throw new Error(`package.json: version ${version} is not semver`);
  return version;
}

export const sri = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The latest build's manifest (<root>/widget/integrity.json), or a given release's. */
export function readManifest(release?: string): WidgetManifest {
  const file = resolve(widgetDist(), release ?? '', MANIFEST);
  return JSON.parse(readFileSync(file, 'utf8')) as WidgetManifest;
}

// The tags a site pastes (the preloads and the versioned entry): written once, in a module the
// installation check in the browser shares.
export { entryTag, scriptTag } from '../../contract/widget-tags.ts';

/** The demo's own tag for the latest alias, which a built page replaces with the versioned tags. */
export const ALIAS_TAG = '<script type="module" src="/widget/jp-portal.js"></script>';

/** A demo page with the alias's tag replaced by the versioned tags (same origin); unchanged without it. */
export const withVersionedTags = (html: string, m: WidgetManifest) => html.replace(ALIAS_TAG, scriptTag(m, ''));

/** A module and every module it imports or re-exports statically (`import … from`, `import '…'`, `export … from`). */
export function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g))
    staticClosure(resolve(dirname(file), m[1]), seen);
  return seen;
}
