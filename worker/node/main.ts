// `npm start`: the embedded default on Node — libSQL file, dev mailbox, demo site, widget.
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError } from '../src/config.ts';
import { deliverDue } from '../src/mail/outbox.ts';
import { cleanup } from '../src/cleanup.ts';
import { nodeDeps, log } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { nodeServerApp } from './server.ts';
import { seedDemoConsumers, seedDemoBills } from './seed.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function main() {
  const env = process.env;
  const config = loadConfig(env);
  const { deps, client, settle } = await nodeDeps(config, env);
  await migrateDatabase(deps.db);
  const seedDemo = env.SEED_DEMO ? env.SEED_DEMO === 'true' : !config.production;
  if (seedDemo) {
    const n = await seedDemoConsumers(deps, resolve(ROOT, 'demo/consumers.csv'));
    const b = await seedDemoBills(deps, resolve(ROOT, 'demo/bills.csv'));
    if (n || b) log('info', `loaded ${n} demo consumers and ${b} demo bills`);
  }

  const app = nodeServerApp(deps, { widgetDir: resolve(ROOT, 'dist/widget'), demoDir: resolve(ROOT, 'demo') });
  const port = Number(env.PORT || 8787);
  // Mail retries and cleanup; Workers run the same jobs from the cron trigger.
  const jobIntervalMs = Math.max(1, Number(env.JOBS_INTERVAL_S) || 30) * 1000;
  const hostname = env.HOST || 'localhost';
  const server = serve({ fetch: app.fetch, port, hostname }, () => log('info', `portal on http://${hostname}:${port}/`, { mail: deps.mail.name }));

  let running = false;
  const jobs = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(deps);
      await cleanup(deps);
    } catch (e) {
      log('warn', 'periodic job failed', { error: String(e) });
    } finally {
      running = false;
    }
  }, jobIntervalMs);
  void deliverDue(deps).catch(() => {});

  const stop = () => {
    clearInterval(jobs);
    server.close(async () => {
      await settle();
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
