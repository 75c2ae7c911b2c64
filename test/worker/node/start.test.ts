// Production unless development is asked for by name: the Node server (worker/node/main.ts, as
// `npm start` and an operator run it) refuses to start with APP_ENV unset and no secrets, with a
// misspelt APP_ENV, and with development beside a configuration that looks like production —
// before it makes a database; `npm start` asks for development (--dev) and gets the demo, the
// dev mailbox, its loopback names only and a per-client connection cap named in its log.
// Each server is its own process on a free loopback port, killed within a bounded time.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness.ts';
import { withDevFlag } from '../../../worker/node/dev-flag.ts';
import { demoSeeding } from '../../../worker/node/seed.ts';
import { ConfigError } from '../../../worker/src/config.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Run {
  /** The exit code, or 'running' once the server says where it listens. */
  outcome: number | null | 'running';
  output: string;
  dbFile: string;
  port?: number;
  stop(): Promise<void>;
}

/** Starts main.ts with `args` and `env` (APP_ENV removed unless given); waits for an exit or for "portal on". */
async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'jp-start-'));
  dirs.push(dir);
  const dbFile = join(dir, 'portal.db');
  const { APP_ENV: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node/main.ts', ...args], {
    cwd: ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: '0',
      RENDER_THREADS: '0',
      JOBS_INTERVAL_S: '3600',
      DATABASE_URL: `file:${dbFile}`,
      FILES_DIR: join(dir, 'files'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', ok));
  const listening = new Promise<'running'>((ok) => {
    const look = (d: Buffer) => {
      output += d;
      if (/"msg":"portal on /.test(output)) ok('running');
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const outcome = await Promise.race([exited, listening]);
  const port = Number(output.match(/portal on http:\/\/[^:]+:(\d+)\//)?.[1]) || undefined;
  return {
    outcome,
    get output() {
      return output;
    },
    dbFile,
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}

/** GET with this Host header (fetch may not set one). */
function get(port: number, path: string, host = `localhost:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end();
  });
}

describe('starting the Node server', () => {
  it('`npm start` asks for development, and gets the demo, the dev mailbox and its loopback names only', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toMatch(/tsx worker\/node\/main\.ts --dev$/);
    const server = await run(['--dev'], {});
    try {
      expect(server.outcome, server.output).toBe('running');
      const port = server.port!;
      expect(server.output).toMatch(/"appEnv":"development"/);
      expect(server.output).toMatch(/at most 32 connections per client address/);
      expect(server.output).toMatch(/loaded \d+ demo consumers/);
      expect((await get(port, '/api/dev/outbox')).status).toBe(200);
      const site = await get(port, '/demo/site.json');
      expect(site.status).toBe(200);
      expect(JSON.parse(site.body).consumers[0]).toEqual(['104521', expect.any(String)]);
      // A page elsewhere rebinding its name to 127.0.0.1, or a local proxy passing a real name.
      const rebound = await get(port, '/api/dev/outbox', `portal.stambenoruma.rs:${port}`);
      expect(rebound.status).toBe(421);
      expect(rebound.body).not.toMatch(/mails/);
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with APP_ENV unset and no secrets: production, not development, and no database is made', async () => {
    const server = await run([], {});
    try {
      expect(server.outcome, server.output).toBe(1);
      expect(server.output).toMatch(/Refusing to start in production: PIN_KEY must be set/);
      expect(existsSync(server.dbFile)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('refuses a misspelt APP_ENV, even from `npm start`, naming the values it takes', async () => {
    const server = await run(['--dev'], { APP_ENV: 'Production' });
    try {
      expect(server.outcome, server.output).toBe(1);
      expect(server.output).toMatch(/APP_ENV="Production" is neither production nor development/);
      expect(existsSync(server.dbFile)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('refuses development beside a configuration that looks like production', async () => {
    const server = await run(['--dev'], {
      PORTAL_URL: 'https://www.stambenoruma.rs/portal',
      MAIL_TRANSPORT: 'mailchannels',
      MAILCHANNELS_API_KEY: 'a-real-key',
      PIN_KEY: 'a-real-secret-of-more-than-32-characters',
      SIGNING_KEY: 'another-real-secret-of-more-than-32-chars',
    });
    try {
      expect(server.outcome, server.output).toBe(1);
      expect(server.output).toMatch(/Refusing to start in development \(APP_ENV=development\)/);
      expect(server.output).toMatch(/PORTAL_URL is https.*api\.mailchannels\.net, not a stand-in on loopback/);
      expect(existsSync(server.dbFile)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});

describe('PORT alone', () => {
  it('moves the development defaults with it: the API origin, PORTAL_URL and ALLOWED_ORIGINS name the port', async () => {
    const port = await freePort();
    const server = await run(['--dev'], { PORT: String(port) });
    try {
      expect(server.outcome, server.output).toBe('running');
      expect(server.port).toBe(port);
      // The API's own origin (from PORTAL_URL's) as the OpenAPI document gives it to clients.
      const doc = JSON.parse((await get(port, '/api/openapi.json')).body);
      expect(doc.servers[0].url).toBe(`http://localhost:${port}`);
      // A page on this port may call the API: the Origin check lets it in (no origin_not_allowed).
      const ask = await send(port, '/api/password/forgot', `http://localhost:${port}`, { email: 'ana@example.com' });
      expect(ask.status, ask.body).toBe(202);
      const elsewhere = await send(port, '/api/password/forgot', 'http://localhost:8787', { email: 'ana@example.com' });
      expect(elsewhere.body).toMatch(/origin_not_allowed/);
    } finally {
      await server.stop();
    }
  });
});

/** A port nothing listens on now (the OS's choice). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}

/** POST JSON from a page of `origin`. */
function send(port: number, path: string, origin: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          host: `localhost:${port}`,
          origin,
          'content-type': 'application/json',
          'content-length': data.length,
        },
        timeout: 5000,
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end(data);
  });
}

describe('--dev', () => {
  it('means development only when APP_ENV is not set; a set APP_ENV wins, an unknown argument is refused', () => {
    expect(withDevFlag({}, ['--dev']).APP_ENV).toBe('development');
    expect(withDevFlag({ APP_ENV: '' }, ['--dev']).APP_ENV).toBe('development');
    expect(withDevFlag({}, []).APP_ENV).toBeUndefined();
    expect(withDevFlag({ APP_ENV: 'production' }, ['--dev']).APP_ENV).toBe('production');
    expect(withDevFlag({ APP_ENV: 'Production' }, ['--dev']).APP_ENV).toBe('Production');
    expect(() => withDevFlag({}, ['--development'])).toThrow(ConfigError);
    expect(() => withDevFlag({}, ['--development'])).toThrow(/--development.*--dev/);
  });
});

describe('the demo consumers', () => {
  it('are loaded in development by default, never in production: SEED_DEMO=true there refuses to start', () => {
    expect(demoSeeding({}, false)).toBe(true);
    expect(demoSeeding({ SEED_DEMO: 'false' }, false)).toBe(false);
    expect(demoSeeding({}, true)).toBe(false);
    expect(demoSeeding({ SEED_DEMO: 'false' }, true)).toBe(false);
    expect(() => demoSeeding({ SEED_DEMO: 'true' }, true)).toThrow(ConfigError);
    expect(() => demoSeeding({ SEED_DEMO: 'true' }, true)).toThrow(/demo consumers, whose codes and PINs are public/);
    expect(() => demoSeeding({ SEED_DEMO: 'yes please' }, false)).toThrow(/SEED_DEMO must be true or false/);
  });
});
