// A release folder's name under /widget/: the version of package.json, then `-` and 8 hex digits
// of the SHA-256 of the utility's configuration as compiled into the bundle (utility-plugin.ts),
// e.g. `0.1.0-3f9a0c2e` — a path segment of digits, letters, dots and dashes. The same widget
// built for another configuration (a new colour, another utility) is another folder; the same
// version with other widget code is refused by the build (release-folder.ts). Pure: read by the
// build, the Node server's cache rule (widget-caching.ts) and the Workers site's _headers.
import { createHash } from 'node:crypto';

/** package.json's version: semver. */
export const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/** A release folder: semver, `-`, 8 lowercase hex digits (the last dash-part is always the hash). */
export const RELEASE_NAME = new RegExp(`${SEMVER.source.slice(0, -1)}-[0-9a-f]{8}$`);

export const configHash = (compiled: string) => createHash('sha256').update(compiled).digest('hex').slice(0, 8);

export function releaseName(version: string, compiledConfig: string): string {
  if (!SEMVER.test(version)) throw new Error(`package.json: version ${version} is not semver`);
  return `${version}-${configHash(compiledConfig)}`;
}
