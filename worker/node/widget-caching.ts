// How long browsers and caches keep the widget's files, on Node (server.ts) and in the Workers
// site's _headers (build-site.ts): a released file (/widget/<release>/…, release-name.ts) never
// changes, so it is immutable for a year; the alias /widget/jp-portal.js and the latest's /widget/integrity.json
// point to the newest version, so they are kept 5 minutes; an error is not kept at all.
import { RELEASE_NAME } from '../../widget/scripts/release-name.ts';

export const WIDGET_IMMUTABLE = 'public, max-age=31536000, immutable';
export const WIDGET_ALIAS = 'public, max-age=300';
/** /widget/<release>/… */
export const VERSIONED_PATH = new RegExp(`^/widget/${RELEASE_NAME.source.slice(1, -1)}/`);

/** In development everything is revalidated: `npm start` may replace an unpublished release's files. */
export function widgetCaching(path: string, status: number, production: boolean): string {
  if (status !== 200 && status !== 304) return 'no-store';
  if (!production) return 'no-cache';
  return VERSIONED_PATH.test(path) ? WIDGET_IMMUTABLE : WIDGET_ALIAS;
}
