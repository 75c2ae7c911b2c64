// The installation check's rules that need no words: which site a host belongs to (the cookie is
// first-party only when the page and the API share it), whether an RP ID fits a host, the
// directive a page's Content-Security-Policy needs so that the portal's origin is allowed, whether
// a page is the one the mails' links open, and which release a script names and whether it is older.
// Pure functions; the browser's own answer (Sec-Fetch-Site) is preferred where there is one.

// Public suffixes under which every name is a site of its own (a small part of the Public Suffix
// List: Serbian second-level domains and the hosts a small agency might put a portal on).
const SUFFIXES = new Set([
  'co.rs',
  'org.rs',
  'edu.rs',
  'in.rs',
  'gov.rs',
  'ac.rs',
  'co.uk',
  'org.uk',
  'com.ba',
  'co.me',
  'workers.dev',
  'pages.dev',
  'github.io',
  'netlify.app',
  'vercel.app',
  'herokuapp.com',
  'azurewebsites.net',
]);

/** An IP address (v4, or v6 as a URL writes it) or a single-label name such as localhost. */
export function isBareHost(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.');
}

/** The registrable domain ("site") of a host: stambenoruma.rs for www.stambenoruma.rs. */
export function siteOf(host: string): string {
  if (isBareHost(host)) return host;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const two = labels.slice(-2).join('.');
  return SUFFIXES.has(two) ? labels.slice(-3).join('.') : two;
}

/** Same site as browsers decide for cookies: the same scheme and registrable domain (ports do not count). */
export function sameSite(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && siteOf(a.hostname) === siteOf(b.hostname);
}

/** WebAuthn: the RP ID must be the page's host or a parent domain of it (and never an IP address). */
export function rpIdFits(rpId: string, host: string): boolean {
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return false;
  return host === rpId || host.endsWith(`.${rpId}`);
}

/** The directives of a policy, by name, with their sources. */
export function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

// Which directive a browser falls back to when the effective one is absent (CSP 3).
const FALLBACK: Record<string, string[]> = {
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'script-src': ['script-src', 'default-src'],
  'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
  'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
};

/**
 * The directive as it should read so that `origin` is allowed: the sources in force now (from the
 * directive itself or the one it fell back to) plus the origin, without 'none'. For `script-src-elem`
 * the line is written as `script-src` (what webmasters know) unless the policy has script-src-elem.
 */
export function fixLine(policy: string, effective: string, origin: string): string {
  const d = directives(policy);
  const chain = FALLBACK[effective] ?? [effective, 'default-src'];
  const from = chain.find((name) => d.has(name));
  const name = from === effective || !effective.endsWith('-elem') ? effective : effective.replace(/-elem$/, '');
  const sources = (from ? (d.get(from) ?? []) : []).filter((s) => s !== "'none'" && s !== origin);
  return `${name} ${[...sources, origin].join(' ')}`;
}

/** A page's address as the mails' links name it: origin and path, without query or fragment. */
export const pageAddress = (u: URL) => `${u.origin}${u.pathname}`;

/** The same page: origin and path, a trailing `index.html` or slash aside (query and fragment never count). */
export function samePage(a: URL, b: URL): boolean {
  const path = (u: URL) => u.pathname.replace(/index\.html?$/, '').replace(/\/+$/, '');
  return a.origin === b.origin && path(a) === path(b);
}

/**
 * The release a portal script names: `0.1.0-3f9a0c2e` for …/widget/0.1.0-3f9a0c2e/jp-portal.js,
 * '' for the alias …/widget/jp-portal.js (always the latest), undefined for any other script.
 */
export function releaseOf(src: string): string | undefined {
  const m = /\/widget\/(?:([^/?#]+)\/)?jp-portal\.js(?:[?#]|$)/.exec(src);
  return m ? (m[1] ?? '') : undefined;
}

/**
 * The x.y.z a release's name starts with, read leniently: whatever follows it (the configuration's
 * hash of `0.1.0-3f9a0c2e`, a pre-release) does not count; null when it does not start so.
 */
export function semverOf(name: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(name);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Whether release `a` is an older version than `b` (by x.y.z; false when either is not one). */
export function olderRelease(a: string, b: string): boolean {
  const x = semverOf(a);
  const y = semverOf(b);
  if (!x || !y) return false;
  const i = x.findIndex((n, k) => n !== y[k]);
  return i >= 0 && x[i] < y[i];
}
