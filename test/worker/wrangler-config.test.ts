// The Workers configuration of a utility (worker/scripts/wrangler-config.ts): the links derived
// from its website, the environment's where set, refused when not https or not on its domain; the
// repository's wrangler.toml is a template naming no utility.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './harness.ts';
import {
  UTILITY_IMPORT,
  WORKER_UTILITY,
  WorkersConfigError,
  workersLinks,
  wranglerConfig,
} from '../../worker/scripts/wrangler-config.ts';

const template = readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8');

describe('the Workers configuration', () => {
  it('derives the links from the website', () => {
    expect(workersLinks('https://www.toplana-primer.example')).toEqual({
      PORTAL_URL: 'https://www.toplana-primer.example/portal/',
      API_URL: 'https://portal.toplana-primer.example',
      ALLOWED_ORIGINS: 'https://www.toplana-primer.example',
      RP_ID: 'toplana-primer.example',
    });
  });

  it('takes the environment’s where set, on the same domain', () => {
    const links = workersLinks('https://www.toplana-primer.example', {
      PORTAL_URL: 'https://toplana-primer.example/e-racun/',
      ALLOWED_ORIGINS: 'https://toplana-primer.example,https://www.toplana-primer.example',
    });
    expect(links.PORTAL_URL).toBe('https://toplana-primer.example/e-racun/');
    expect(links.API_URL).toBe('https://portal.toplana-primer.example');
  });

  it('refuses links to another domain, plain http, and a passkey domain that is not the site’s', () => {
    const refused = (env: Record<string, string>) => {
      try {
        workersLinks('https://www.toplana-primer.example', env);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(WorkersConfigError);
        return (e as Error).message;
      }
    };
    expect(refused({ PORTAL_URL: 'https://www.stambenoruma.rs/portal/' })).toContain(
      "PORTAL_URL=https://www.stambenoruma.rs/portal/ is not on the website's domain toplana-primer.example",
    );
    expect(refused({ API_URL: 'http://portal.toplana-primer.example' })).toContain('must be https');
    expect(refused({ ALLOWED_ORIGINS: 'https://www.toplana-primer.example,https://evil.example' })).toContain(
      'ALLOWED_ORIGINS=https://evil.example is not on',
    );
    expect(refused({ RP_ID: 'example' })).toContain('RP_ID=example must be toplana-primer.example');
    expect(refused({ RP_ID: 'other.example' })).toContain('RP_ID=other.example');
  });

  it('writes the template with the links, its paths seen from dist/; the template names no utility', () => {
    expect(template).not.toMatch(/stambenoruma|Stambeno|Ruma/);
    const toml = wranglerConfig(template, workersLinks('https://www.toplana-primer.example'), 'toplana');
    expect(toml).toContain('name = "toplana"');
    expect(toml).toContain('main = "../worker/workers/entry.ts"');
    expect(toml).toContain('directory = "./site"');
    // The Worker bundles the configuration beside this file, not the repository's generated one.
    expect(toml).toContain(`[alias]\n"${UTILITY_IMPORT}" = "./${WORKER_UTILITY}"`);
    expect(readFileSync(resolve(ROOT, 'worker/workers/utility.ts'), 'utf8')).toContain(`from '${UTILITY_IMPORT}'`);
    const deeper = wranglerConfig(template, workersLinks('https://www.toplana-primer.example'), undefined, '../../..');
    expect(deeper).toContain('main = "../../../worker/workers/entry.ts"');
    expect(toml).toMatch(/\[vars\]\nPORTAL_URL = "https:\/\/www\.toplana-primer\.example\/portal\/"\n/);
    expect(toml).toContain('RP_ID = "toplana-primer.example"');
    // The Worker on the API's host as its custom domain, a top-level key (before any table).
    expect(toml).toMatch(
      /^name = "toplana"\nroutes = \[\{ pattern = "portal\.toplana-primer\.example", custom_domain = true \}\]$/m,
    );
  });
});
