// Nothing of the default utility in what is built for another: with UTILITY_CONFIG naming a second
// utility (run.mjs; the third utility's run includes this file too), its build root (dist/utilities/<domain>/, worker/node/utility-root.ts) holds
// the built widget and the Workers configuration, and they and the Worker as wrangler bundles it
// carry the second utility's name and account, and neither Ruma's name nor its payee account —
// nor does any text file of the Workers site (the demo pages are written for the utility).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testUtility as second } from '../support/utility.ts';
import { distRoot } from '../../worker/node/utility-root.ts';
import { widgetDist } from '../../widget/scripts/dist-layout.ts';
import { normalizeAccount } from '../../contract/payment-reference.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ruma = JSON.parse(readFileSync(resolve(ROOT, 'config/utility.json'), 'utf8'));

/** Every JavaScript file under `dir`, as one text. */
const scripts = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

/** Ruma's name, short name and town, and its account in both forms. */
const RUMA = [
  ruma.name,
  ruma.shortName,
  'Stambeno',
  ruma.city,
  ruma.payment.account,
  normalizeAccount(ruma.payment.account),
  new URL(ruma.website).hostname.replace(/^www\./, ''),
];

describe.runIf(process.env.UTILITY_CONFIG)('what is built for the second utility', () => {
  it('is for another utility than the default, built into a root of its own', () => {
    expect(second.name).not.toBe(ruma.name);
    expect(distRoot()).toBe(resolve(ROOT, 'dist/utilities', new URL(second.website).hostname.replace(/^www\./, '')));
  });

  it("the widget carries the second utility's name and colour and nothing of Ruma's", () => {
    const widget = scripts(widgetDist());
    expect(widget).toContain(second.name);
    expect(widget).toContain(second.colors.primary);
    for (const s of RUMA) expect(widget, s).not.toContain(s);
    expect(widget).not.toContain(ruma.colors.primary);
  });

  it("the published Workers site (its pages, guide and styles too) names nothing of Ruma's", () => {
    const site = resolve(distRoot(), 'site');
    const texts = (readdirSync(site, { recursive: true }) as string[])
      .map((f) => join(site, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => [f, readFileSync(f)] as const)
      .filter(([, bytes]) => !bytes.includes(0));
    expect(texts.length).toBeGreaterThan(10);
    for (const [f, bytes] of texts) for (const s of RUMA) expect(bytes.toString('utf8'), `${f}: ${s}`).not.toContain(s);
  });

  it("the Workers configuration is the second utility's, derived from its website: nothing of Ruma's domains", () => {
    const toml = readFileSync(resolve(distRoot(), 'wrangler.toml'), 'utf8');
    const domain = new URL(second.website).hostname.replace(/^www\./, '');
    expect(toml).toContain(`PORTAL_URL = "${new URL(second.website).origin}/portal/"`);
    expect(toml).toContain(`API_URL = "https://portal.${domain}"`);
    expect(toml).toContain(`RP_ID = "${domain}"`);
    for (const s of RUMA) expect(toml, s).not.toContain(s);
  });

  it("deploys (dry run) with the generated configuration, and the Worker's bundle carries the second utility's name and account and nothing of Ruma's", () => {
    const out = mkdtempSync(join(tmpdir(), 'jp-second-worker-'));
    try {
      const said = execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
          'deploy',
          '--dry-run',
          '--config',
          resolve(distRoot(), 'wrangler.toml'),
          '--outdir',
          out,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
      ).toString();
      expect(said).toContain(new URL(second.website).hostname);
      for (const s of RUMA) expect(said, s).not.toContain(s);
      const worker = scripts(out);
      expect(worker).toContain(second.name);
      expect(worker).toContain(second.payment.account);
      for (const s of RUMA) expect(worker, s).not.toContain(s);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
