// What the installation check finds on the page, before any words: it asks the API for its
// diagnosis (GET /api/diagnose, answered to any origin; when the page's CSP blocks connections,
// the same answer as a module from /api/diagnose.js, which script-src may still allow), whether
// the database answers, which CSP directive blocked what (securitypolicyviolation events while it
// runs), whether the widget's styles apply, where the widget's locale came from, and which release
// the page's portal script names beside the latest (/widget/integrity.json next to that script).
import type { DiagnoseAnswer } from '../../contract/responses.ts';
import type { TagManifest } from '../../contract/widget-tags.ts';
import { releaseOf } from './doctor-rules.js';
import { toLocale, type Locale } from '../../contract/locales.ts';
import { getLocale, rememberedLocale } from './localize.js';
import { ANY } from './registry.js';

export interface Violation {
  /** The effective directive, e.g. connect-src, script-src-elem. */
  directive: string;
  blocked: string;
  policy: string;
}

export interface Facts {
  /** The `api` the widget uses ('' = the page's own origin) and the origin it names. */
  base: string;
  apiOrigin: string;
  page: URL;
  secure: boolean;
  answer?: DiagnoseAnswer;
  /** How the answer came: a connection, or as a script when connections were refused. */
  via?: 'fetch' | 'script';
  /** A connection to the API failed (refused, blocked or not there). */
  fetchFailed: boolean;
  /** GET /api/health: ok, the database down, reached but unreadable (CORS), or no answer at all. */
  health: 'ok' | 'down' | 'unread' | 'none';
  violations: Violation[];
  styled: boolean;
  lang: { page: string; shown: Locale; by: 'element' | 'remembered' | 'ancestor' | 'page' };
  /** The page's portal script and the release it names ('' = the alias to the latest), if there is one. */
  script?: { src: string; release: string };
  /** The latest release's manifest, read beside that script (/widget/integrity.json), if it could be. */
  latest?: TagManifest;
  /** The page's first portal element (not the check itself), for the lines to paste; jp-portal without one. */
  element: string;
}

const originOf = (url: string) => {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return '';
  }
};

async function diagnosis(base: string, url: string, query: string) {
  try {
    const res = await fetch(`${base}/api/diagnose${query}`, { credentials: 'omit', cache: 'no-store' });
    if (res.ok) return { answer: (await res.json()) as DiagnoseAnswer, via: 'fetch' as const, fetchFailed: false };
    return { fetchFailed: false };
  } catch {
    // The page's connect-src, or the API not there: the module form tells the two apart.
    try {
      const mod = await import(/* @vite-ignore */ `${url}/api/diagnose.js${query}&t=${Date.now()}`);
      return { answer: mod.default as DiagnoseAnswer, via: 'script' as const, fetchFailed: true };
    } catch {
      return { fetchFailed: true };
    }
  }
}

async function health(base: string, readable: boolean): Promise<Facts['health']> {
  try {
    const res = await fetch(`${base}/api/health`, {
      credentials: 'omit',
      cache: 'no-store',
      // Without the diagnosis, only whether anything answers: an opaque answer still says so.
      mode: readable ? 'cors' : 'no-cors',
    });
    if (!readable) return 'unread';
    return res.ok ? 'ok' : 'down';
  } catch {
    return readable ? 'unread' : 'none';
  }
}

/** The page's portal script: the first whose address names /widget/…/jp-portal.js. */
function portalScript(): Facts['script'] {
  for (const s of document.querySelectorAll<HTMLScriptElement>('script[src]')) {
    const release = releaseOf(s.src);
    if (release !== undefined) return { src: s.src, release };
  }
  return undefined;
}

async function latestManifest(script: Facts['script']): Promise<TagManifest | undefined> {
  if (!script?.release) return undefined;
  try {
    // …/widget/<release>/jp-portal.js → …/widget/integrity.json, the latest's manifest.
    const res = await fetch(new URL('../integrity.json', script.src), { credentials: 'omit', cache: 'no-store' });
    return res.ok ? ((await res.json()) as TagManifest) : undefined;
  } catch {
    return undefined;
  }
}

function language(el: Element): Facts['lang'] {
  const first = document.querySelector(ANY) ?? el;
  const ancestor = first.parentElement?.closest('[lang]');
  const by = first.hasAttribute('lang')
    ? 'element'
    : rememberedLocale()
      ? 'remembered'
      : ancestor && ancestor !== document.documentElement
        ? 'ancestor'
        : 'page';
  return { page: document.documentElement.getAttribute('lang') ?? '', shown: toLocale(getLocale()), by };
}

/** Runs every probe once; `el` is the check itself (its styles show whether the widget's apply). */
export async function probe(el: HTMLElement, base: string): Promise<Facts> {
  const page = new URL(location.href);
  const url = new URL(base || page.origin, page).href.replace(/\/$/, '');
  const apiOrigin = originOf(url);
  const violations: Violation[] = [];
  const listen = (e: SecurityPolicyViolationEvent) => {
    if (originOf(e.blockedURI) === apiOrigin)
      violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, policy: e.originalPolicy });
  };
  document.addEventListener('securitypolicyviolation', listen);
  try {
    const found = await diagnosis(base, url, `?origin=${encodeURIComponent(page.origin)}`);
    const readable = found.via === 'fetch';
    const h = found.via === 'script' ? 'unread' : await health(base, readable);
    const script = portalScript();
    const latest = await latestManifest(script);
    // Violations are reported as tasks after the refusal: give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 50));
    return {
      base,
      apiOrigin,
      page,
      secure: window.isSecureContext,
      ...found,
      health: h,
      // The module fallback is the check's own probe, not something the widget needs.
      violations: violations.filter((v) => !v.blocked.includes('/api/diagnose.js')),
      styled: getComputedStyle(el).getPropertyValue('--jp-doctor-styled').trim() === '1',
      lang: language(el),
      script,
      latest,
      element: [...document.querySelectorAll(ANY)].find((e) => e.localName !== el.localName)?.localName ?? 'jp-portal',
    };
  } finally {
    document.removeEventListener('securitypolicyviolation', listen);
  }
}
