// Starts the real Node server (as `npm start` does) on a free loopback port with a fresh database.
// The reliability suite also kills it and starts it again on the same port and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface ServerOptions {
  /** Extra environment (MAILCHANNELS_URL, TRUST_PROXY, DATABASE_URL, …). */
  env?: Record<string, string>;
  /** Start again where a previous server left off: same port and data folder. */
  port?: number;
  dir?: string;
}

export interface PortalServer {
  url: string;
  port: number;
  pid: number;
  dir: string;
  dbFile: string;
  log(): string;
  /** SIGTERM and wait; removes the data folder unless `keep`. */
  stop(keep?: boolean): Promise<void>;
  /** SIGKILL mid-flight: no shutdown of any kind; the data folder stays. */
  kill(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<PortalServer> {
  const port = opts.port ?? (await freePort());
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'jp-e2e-'));
  const dbFile = join(dir, 'e2e.db');
  const url = `http://localhost:${port}`;
  // tsx as a loader, not its CLI: the CLI runs the server in a child process of its own, which a
  // SIGKILL of the CLI would leave running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/node/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: 'localhost',
      DATABASE_URL: `file:${dbFile}`,
      FILES_DIR: join(dir, 'files'),
      PORTAL_URL: `${url}/`,
      ALLOWED_ORIGINS: url,
      APP_ENV: 'development',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url,
    port,
    pid: child.pid!,
    dir,
    dbFile,
    log: () => log,
    async stop(keep = false) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
