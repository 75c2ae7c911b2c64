// The demo pages (demo/*.html) as a built site serves them. Each page is a template: `{{name}}`,
// `{{city}}`, `{{contact.email}}`, `{{contact.hours.sr-Latn}}`, `{{where:pin.printedAt}}` … are texts of the utility's
// configuration, filled HTML-escaped, so a page speaks for the utility it is built for (an unknown
// name stops the build); the alias tag (/widget/jp-portal.js) becomes the versioned entry with its
// integrity and the preloads of the login's chunks (dist-layout.ts scriptTag). What only
// development has (the dev mailbox) stands between `<!-- dev-only -->` and `<!-- /dev-only -->`,
// and a page that is only for development carries `data-dev-only` on its <html>: the production
// form (the Workers site) leaves both out. Written with the bundle (build.ts) into <root>/demo,
// development form, which `npm start` serves instead of the templates; by `npm run build:worker`
// into <root>/site, production form. Invariant: no written page holds a `{{`, and the production
// form names no dev-only file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PrintedAt, UtilityConfig } from '../../contract/utility-config.ts';
import { escapeHtml } from '../../contract/html.ts';
import { ROOT, type WidgetManifest, withVersionedTags } from './dist-layout.ts';
import type { GuideMode } from './guide-page.ts';
import { WHERE } from './guide-text.ts';

export const DEMO_SOURCE = resolve(ROOT, 'demo');

const PLACEHOLDER = /\{\{\s*(where:)?([\w.-]+)\s*\}\}/g;
const DEV_ONLY_BLOCK =
  /^[ \t]*<!-- dev-only -->[\s\S]*?<!-- \/dev-only -->\n|<!-- dev-only -->[\s\S]*?<!-- \/dev-only -->/gm;
const DEV_ONLY_PAGE = /<html\b[^>]*\bdata-dev-only\b/;

/** The configuration's text at a dotted path (`contact.hours.sr-Latn`), or an error naming the page. */
function configText(utility: UtilityConfig, path: string, page: string): string {
  let value: unknown = utility;
  for (const key of path.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new Error(`demo/${page}: {{${path}}} is not a text of the configuration`);
  return value;
}

/**
 * A template with the configuration's texts filled in, escaped for HTML; `{{where:pin.printedAt}}`
 * says in words where on the bill it is printed, as the guide and the registration do (guide-text.ts).
 */
export const fillPage = (html: string, utility: UtilityConfig, page: string) =>
  html.replace(PLACEHOLDER, (_, where: string | undefined, path: string) => {
    const text = configText(utility, path, page);
    if (!where) return escapeHtml(text);
    if (!(text in WHERE)) throw new Error(`demo/${page}: {{where:${path}}} is not a place on the bill`);
    return escapeHtml(WHERE[text as PrintedAt][0]);
  });

/** A page's production form (null: a development-only page), or the development form unchanged. */
export function pageForMode(html: string, mode: GuideMode): string | null {
  if (mode === 'development') return html;
  return DEV_ONLY_PAGE.test(html) ? null : html.replace(DEV_ONLY_BLOCK, '');
}

/** Writes the demo's pages for this utility and release into `out`, in the given form; returns their paths. */
export function writeDemoPages(
  out: string,
  manifest: WidgetManifest,
  utility: UtilityConfig,
  mode: GuideMode,
): string[] {
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const name of readdirSync(DEMO_SOURCE).filter((f) => f.endsWith('.html'))) {
    const page = pageForMode(readFileSync(resolve(DEMO_SOURCE, name), 'utf8'), mode);
    if (page === null) continue;
    const file = resolve(out, name);
    writeFileSync(file, withVersionedTags(fillPage(page, utility, name), manifest));
    written.push(file);
  }
  return written;
}
