// The Workers configuration of the chosen utility: `npm run build:worker` writes dist/wrangler.toml
// from the repository's wrangler.toml (the template: bindings, queues, crons — nothing of any
// utility) with the links' variables derived from the utility's `website`, so another utility
// edits no repository file: PORTAL_URL (the page with <jp-portal>: `<website>/portal/`), API_URL
// (`https://portal.<domain>`, the Worker's custom domain), ALLOWED_ORIGINS (the site's origin) and
// RP_ID (the registrable domain). Each may be set in the build's environment instead; every one
// must be https and on the website's domain — a build for one utility cannot send mail links to
// another's. Deploy with `npx wrangler deploy --config dist/wrangler.toml`.

export interface WorkersLinks {
  PORTAL_URL: string;
  API_URL: string;
  ALLOWED_ORIGINS: string;
  RP_ID: string;
}

export class WorkersConfigError extends Error {}

/** The website's domain without a leading `www.` (passkeys and cookies live on it and its subdomains). */
export const siteDomain = (website: string) => new URL(website).hostname.replace(/^www\./, '');

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The links' variables for a utility's website, the environment's where it sets them, checked. */
export function workersLinks(website: string, env: Record<string, string | undefined> = {}): WorkersLinks {
  const domain = siteDomain(website);
  const site = new URL(website).origin;
  const links: WorkersLinks = {
    PORTAL_URL: env.PORTAL_URL || `${site}/portal/`,
    API_URL: env.API_URL || `https://portal.${domain}`,
    ALLOWED_ORIGINS: env.ALLOWED_ORIGINS || site,
    RP_ID: env.RP_ID || domain,
  };
  const problems: string[] = [];
  const urls: [keyof WorkersLinks, string][] = [
    ['PORTAL_URL', links.PORTAL_URL],
    ['API_URL', links.API_URL],
    ...links.ALLOWED_ORIGINS.split(',').map((o) => ['ALLOWED_ORIGINS', o.trim()] as [keyof WorkersLinks, string]),
  ];
  for (const [name, value] of urls) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name}=${value} is not a URL`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${name}=${value} must be https`);
    if (!onDomain(url.hostname, domain)) problems.push(`${name}=${value} is not on the website's domain ${domain}`);
  }
  if (!onDomain(domain, links.RP_ID) || links.RP_ID.split('.').length < 2)
    problems.push(`RP_ID=${links.RP_ID} must be ${domain} or a domain it is under`);
  if (problems.length)
    throw new WorkersConfigError(
      `The Workers configuration for ${website} is not consistent: ${problems.join('; ')}. ` +
        'Unset the variable to derive it from the utility\'s "website", or correct it.',
    );
  return links;
}

/** The Worker's import of its configuration, which a written configuration aliases to its own copy. */
export const UTILITY_IMPORT = './generated/utility.json';
/** The copy of the configuration beside a written wrangler.toml (build-site.ts writes it). */
export const WORKER_UTILITY = 'worker-utility.json';

/**
 * The template (the repository's wrangler.toml) made the utility's: written into its build root
 * (`toRepository`: the path from there to the repository, `..` for dist/), its paths seen from
 * there, the Worker's configuration import aliased to the copy beside it (so two utilities' builds
 * never bundle each other's), the API's host as its custom domain, the links' variables added
 * under [vars], the Worker's name when given.
 */
export function wranglerConfig(template: string, links: WorkersLinks, name?: string, toRepository = '..'): string {
  let out = template
    .replace(/^main = "(?!\.\.\/)([^"]+)"/m, `main = "${toRepository}/$1"`)
    .replace(/^directory = "\.\/dist\/([^"]+)"/m, 'directory = "./$1"');
  if (name) out = out.replace(/^name = "[^"]*"/m, `name = "${name}"`);
  // The Worker on its custom domain, the API's host (docs/deployment.md): first-party cookies.
  if (/^routes\b/m.test(out)) throw new WorkersConfigError('wrangler.toml has routes already');
  out = out.replace(
    /^(name = "[^"]*"\n)/m,
    `$1routes = [{ pattern = ${JSON.stringify(new URL(links.API_URL).host)}, custom_domain = true }]\n`,
  );
  if (/^\[alias\]$/m.test(out)) throw new WorkersConfigError('wrangler.toml has an [alias] table already');
  out = out.replace(/^\[assets\]$/m, `[alias]\n"${UTILITY_IMPORT}" = "./${WORKER_UTILITY}"\n\n[assets]`);
  const vars = Object.entries(links)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join('\n');
  if (!/^\[vars\]$/m.test(out)) throw new WorkersConfigError('wrangler.toml has no [vars] table');
  return `# Written by npm run build:worker for this utility (worker/scripts/wrangler-config.ts): do not edit.\n${out.replace(
    /^\[vars\]$/m,
    `[vars]\n${vars}`,
  )}`;
}
