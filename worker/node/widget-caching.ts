// How long browsers and caches keep the widget's files, on Node (server.ts) and in the Workers
// site's _headers (build-site.ts): a versioned file (/widget/<version>/…) never changes, so it is
// immutable for a year; the alias /widget/jp-portal.js and the latest's /widget/integrity.json
// point to the newest version, so they are kept 5 minutes; an error is not kept at all.
export const WIDGET_IMMUTABLE = 'public, max-age=31536000, immutable';
export const WIDGET_ALIAS = 'public, max-age=300';
/** /widget/<semver>/… */
export const VERSIONED_PATH = /^\/widget\/\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\//;

/** In development everything is revalidated: a rebuild replaces the files of the same version. */
export function widgetCaching(path: string, status: number, production: boolean): string {
  if (status !== 200 && status !== 304) return 'no-store';
  if (!production) return 'no-cache';
  return VERSIONED_PATH.test(path) ? WIDGET_IMMUTABLE : WIDGET_ALIAS;
}
