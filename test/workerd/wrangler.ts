// Test support: the Worker under `wrangler dev` (real workerd, local queues and R2) on a free
// loopback port, with the given vars; stopped by `stop()`.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../e2e/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface WranglerDev {
  base: string;
  log(): string;
  stop(): Promise<void>;
}

export async function startWranglerDev(stateDir: string, vars: (base: string) => Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      stateDir,
      '--show-interactive-dev-session=false',
      '--test-scheduled',
      ...Object.entries(vars(base)).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const dev: WranglerDev = {
    base,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return dev;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await dev.stop();
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
