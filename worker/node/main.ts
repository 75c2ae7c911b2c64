// The Node server: libSQL file, widget, and in development the dev mailbox and the demo site.
// `npm start` runs it with --dev: development unless APP_ENV says otherwise. Without the flag and
// without APP_ENV it is production, which refuses to start without its secrets (config.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { loadConfig, ConfigError } from '../src/config.ts';
import { runJobs } from '../src/jobs.ts';
import { nodeDeps, log } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { nodeServerApp } from './server.ts';
import { renderPool } from './render-pool.ts';
import { seedDemoConsumers, seedDemoBills, demoDataDir, demoSeeding } from './seed.ts';
import { readUtilityConfig, utilityConfigPath } from './utility-file.ts';
import { distRoot } from './utility-root.ts';
import { startNodeServer, serverLimitsFromEnv, listenRefusal, perClientNotice } from './http-server.ts';
import { withDevFlag } from './dev-flag.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function main() {
  // One environment for everything below, the render threads included.
  const env = withDevFlag(process.env, process.argv.slice(2));
  // The utility's configuration (UTILITY_CONFIG), checked first: a fault names its field and line.
  const config = loadConfig(env, readUtilityConfig(env));
  const hostname = env.HOST || 'localhost';
  // Dev features (dev mail, dev keys, /api/dev/outbox) only on loopback: checked before anything is opened.
  const refusal = listenRefusal(hostname, config.production);
  if (refusal) throw new ConfigError(refusal);
  const limits = serverLimitsFromEnv(env, config.trustProxy);
  const seedDemo = demoSeeding(env, config.production);
  // Bill mails drawn in worker threads (RENDER_THREADS; 0: in line, on the main thread).
  // As many as the cores: measured on 2 cores, 49 mails/s against 31 with one thread, /api/me p99 61 ms against 39.
  const threads = Number(env.RENDER_THREADS ?? availableParallelism());
  const offload = threads > 0 ? renderPool(threads, env) : undefined;
  const { deps, client, settle } = await nodeDeps(config, env, offload ? { offload } : {});
  await migrateDatabase(deps.db);
  // The demo's CSVs: beside the utility's configuration when it has them (demo/vodovod/), else demo/.
  const demo = demoDataDir(utilityConfigPath(env), resolve(ROOT, 'demo'));
  if (seedDemo) {
    const n = await seedDemoConsumers(deps, resolve(demo, 'consumers.csv'));
    const b = await seedDemoBills(deps, resolve(demo, 'bills.csv'));
    if (n || b) log('info', `loaded ${n} demo consumers and ${b} demo bills`);
  }

  // This utility's build (utility-root.ts: dist/, or dist/utilities/<domain>/ for another file).
  const dist = distRoot(env);
  const app = nodeServerApp(deps, {
    widgetDir: resolve(dist, 'widget'),
    demoDir: resolve(ROOT, 'demo'),
    demoPagesDir: resolve(dist, 'demo'),
    guideDir: resolve(dist, 'guide'),
    officeDir: resolve(dist, 'office'),
  });
  if (seedDemo) {
    // The dev mailbox's demo consumers to try: the chosen utility's first ones (demo/demo-mailbox.js).
    const csv = readFileSync(resolve(demo, 'consumers.csv'), 'utf8');
    const consumers = csv
      .trim()
      .split('\n')
      .slice(1, 6)
      .map((l) => l.split(',').slice(0, 2));
    app.get('/demo/site.json', (c) => c.json({ consumers }));
  }

  const port = Number(env.PORT || 8787);
  const jobIntervalMs = Math.max(1, Number(env.JOBS_INTERVAL_S) || 30) * 1000;
  const { server, address } = await startNodeServer(app.fetch, { port, hostname, limits });
  // Belt and braces: the address actually bound (a name may resolve elsewhere) must be loopback too.
  const boundRefusal = listenRefusal(address.address, config.production);
  if (boundRefusal) {
    server.close();
    throw new ConfigError(`${boundRefusal} (HOST=${hostname} resolved to it)`);
  }
  // One client's share of the connections: the cap, or behind a proxy the proxy's duty (a production precondition).
  const perClient = perClientNotice(limits, config.trustProxy);
  log(perClient.level, perClient.msg);
  log('info', `portal on http://${hostname}:${address.port}/`, {
    appEnv: config.production ? 'production' : 'development',
    mail: deps.mail.name,
    ...limits,
  });

  // Pending bill mails, mail retries and cleanup, at start (a crash may have left work) and
  // then every JOBS_INTERVAL_S; Workers run the same jobs from the cron trigger.
  let running = false;
  const runOnce = async () => {
    if (running) return;
    running = true;
    try {
      await runJobs(deps);
    } catch (e) {
      log('warn', 'periodic job failed', { error: String(e) });
    } finally {
      running = false;
    }
  };
  const jobs = setInterval(runOnce, jobIntervalMs);
  void runOnce();

  const stop = () => {
    clearInterval(jobs);
    server.close(async () => {
      await settle();
      await offload?.close();
      deps.mail.close?.();
      client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
