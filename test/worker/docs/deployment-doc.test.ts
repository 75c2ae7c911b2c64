// docs/deployment.md's "Deploying, in order" cannot drift from what is deployed: the queues and
// the bucket it creates are exactly those of the generated Workers configuration (wrangler-config.ts)
// and are created before the first deploy; the builds come before the deploy and the migrations
// (after a dump) before a new version's; the secrets it names are variables the Worker reads, not
// among the generated [vars], and with them the Worker's configuration loads in production (and
// not without them); the custom domain is the API's host; and the migration and the deploy run as
// written — the migration against a fresh libSQL file, the deploys in dry-run form with the
// documented secrets file — against the built site (`npm run build && npm run build:worker` first).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { ROOT } from '../harness.ts';
import { testUtility } from '../../support/utility.ts';
import { loadConfig } from '../../../worker/src/config.ts';
import { ENV_VARS } from '../../../worker/src/config-vars.ts';
import { siteDomain, workersLinks, wranglerConfig } from '../../../worker/scripts/wrangler-config.ts';

const doc = readFileSync(resolve(ROOT, 'docs/deployment.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Deploying, in order'), doc.indexOf('\n## ', doc.indexOf('## Deploying')));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].split('\n').filter(Boolean));
const commands = (block: string[]) => block.filter((l) => !l.startsWith('#'));
const [first, upgrade] = blocks.map(commands);
const at = (lines: string[], re: RegExp) => lines.findIndex((l) => re.test(l));

const links = workersLinks(testUtility.website);
const toml = wranglerConfig(readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8'), links);
const values = (key: string) => [...toml.matchAll(new RegExp(`^${key} = "([^"]+)"`, 'gm'))].map((m) => m[1]);
const vars = Object.fromEntries(
  [
    ...(toml
      .split(/^\[vars\]$/m)[1]
      .split(/^\[/m)[0]
      .matchAll(/^([A-Z][A-Z0-9_]*) = "([^"]*)"/gm) ?? []),
  ].map((m) => [m[1], m[2]]),
);
const created = (what: RegExp) => first.flatMap((l) => what.exec(l)?.[1] ?? []);
const queuesCreated = created(/wrangler queues create (\S+)$/);
/** The secrets named in the first deploy's comment. */
const secrets = blocks[0]
  .slice(at(blocks[0], /^# 4\./), at(blocks[0], /wrangler deploy --config/))
  .join(' ')
  .match(/\b[A-Z][A-Z0-9_]{2,}\b/g)!
  .filter((n) => n !== 'NAME');

describe('docs/deployment.md, deploying in order', () => {
  it('has the first deploy and a new version as command blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(at(first, /^npx wrangler deploy --config /)).toBeGreaterThan(0);
    expect(at(upgrade, /^npx wrangler deploy --config /)).toBeGreaterThan(0);
  });

  it('creates exactly the queues and the bucket the generated configuration binds, before the first deploy', () => {
    const bound = new Set([...values('queue'), ...values('dead_letter_queue')]);
    expect(new Set(queuesCreated)).toEqual(bound);
    expect(queuesCreated.length).toBe(bound.size);
    expect(created(/wrangler r2 bucket create (\S+)$/)).toEqual(values('bucket_name'));
    // The delivery events' queue is the one the Worker tells apart (MAIL_EVENTS_QUEUE's default).
    expect(queuesCreated).toContain(ENV_VARS.find((v) => v.name === 'MAIL_EVENTS_QUEUE')?.default);
    const deploy = at(first, /^npx wrangler deploy --config /);
    for (const re of [/wrangler queues create /, /wrangler r2 bucket create /, /npm run db:migrate$/])
      for (const [i, l] of first.entries()) if (re.test(l)) expect(i, l).toBeLessThan(deploy);
    expect(at(first, /^npm run build$/)).toBeLessThan(at(first, /^npm run build:worker$/));
    expect(at(first, /^npm run build:worker$/)).toBeLessThan(at(first, /wrangler deploy --dry-run/));
    expect(at(first, /wrangler deploy --dry-run/)).toBeLessThan(deploy);
  });

  it("migrates a new version's database, after a dump, before deploying it", () => {
    const dump = at(upgrade, /\.dump > /);
    const migrate = at(upgrade, /npm run db:migrate$/);
    const deploy = at(upgrade, /^npx wrangler deploy --config /);
    expect(dump).toBeGreaterThanOrEqual(0);
    expect(dump).toBeLessThan(migrate);
    expect(migrate).toBeLessThan(at(upgrade, /^npm run build$/));
    expect(at(upgrade, /^npm run build:worker$/)).toBeLessThan(deploy);
  });

  it('names as secrets variables the Worker reads, none of them a plain var, enough to start in production', () => {
    expect(secrets).toEqual(expect.arrayContaining(['LIBSQL_URL', 'PIN_KEY', 'SIGNING_KEY', 'ADMIN_TOKEN']));
    for (const name of secrets) {
      const v = ENV_VARS.find((e) => e.name === name);
      expect(v, name).toBeDefined();
      expect(v?.only, name).not.toBe('Node');
      expect(vars[name], name).toBeUndefined();
    }
    const given = Object.fromEntries(secrets.map((n) => [n, `${n.toLowerCase()}-0123456789abcdef0123456789abcdef`]));
    expect(() => loadConfig({ ...vars, ...given }, testUtility)).not.toThrow();
    expect(() => loadConfig(vars, testUtility)).toThrow();
  });

  it("gives the Worker the API's host as its custom domain, as the doc says", () => {
    const said = /`(routes = \[\{ pattern = "portal\.<domain>", custom_domain = true \}\])`/.exec(section)?.[1];
    expect(said).toBeDefined();
    expect(toml).toContain(said!.replace('<domain>', siteDomain(testUtility.website)));
    expect(toml).toContain(`pattern = "${new URL(links.API_URL).host}"`);
  });

  it('runs as written: the migration on a fresh libSQL file, the deploys in dry-run form', async () => {
    const site = resolve(ROOT, 'dist/site');
    if (!existsSync(site) || !existsSync(resolve(ROOT, 'dist/wrangler.toml')))
      throw new Error('no dist/site or dist/wrangler.toml: npm run build && npm run build:worker first');
    const dir = mkdtempSync(join(tmpdir(), 'jp-deploy-doc-'));
    try {
      // `npm run db:migrate`, with DATABASE_URL a file instead of Turso.
      const db = join(dir, 'migrated.db');
      execFileSync('npm', ['run', '--silent', 'db:migrate'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${db}` },
        stdio: 'pipe',
      });
      const client = createClient({ url: `file:${db}` });
      const tables = await client.execute("select name from sqlite_master where type = 'table'");
      client.close();
      expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['accounts', 'consumers', 'outbox']));
      // The deploy commands, each with --dry-run (and an output folder) added; the secrets file as documented.
      writeFileSync(join(dir, 'secrets.env'), secrets.map((n) => `${n}=x`).join('\n'));
      for (const line of [
        first[at(first, /^npx wrangler deploy --config /)],
        upgrade[at(upgrade, /^npx wrangler deploy --config /)],
      ]) {
        const args = line
          .replace(/^npx wrangler /, '')
          .split(' ')
          .map((a) => (a === 'secrets.env' ? join(dir, 'secrets.env') : a));
        const said = execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), ...args, '--dry-run', '--outdir', join(dir, 'out')],
          { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, encoding: 'utf8', stdio: 'pipe' },
        );
        expect(said, line).toMatch(/env\.MAIL_QUEUE \(jp-portal-mail\)\s+Queue/);
        expect(said, line).toMatch(/env\.FILES \(jp-portal-files\)\s+R2 Bucket/);
        expect(said, line).toContain(`env.API_URL ("${links.API_URL}")`);
        if (line.includes('--secrets-file'))
          for (const n of secrets) expect(said, n).toContain(`env.${n} ("(hidden)")`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
