// The Node server in development answers only requests addressed to its loopback names: a page
// elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding), or a local reverse proxy
// passing a real name, gets 421 before the API and the files — the dev outbox's reset links
// included. Production answers whatever name its proxy sends. Real sockets on 127.0.0.1 (the
// request written by hand: a Host header is exactly what a browser sends), port 0, bounded waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { PRODUCTION_ENV } from '../../support/production-env.ts';
import { nodeServerApp } from '../../../worker/node/server.ts';
import { startNodeServer, type NodeServer } from '../../../worker/node/http-server.ts';
import { isLoopbackAuthority } from '../../../worker/src/http/loopback.ts';

/** One request on its own connection: `GET target` with this Host line (none when undefined), HTTP/1.1 unless told. */
function request(
  port: number,
  target: string,
  host: string | undefined,
  version = '1.1',
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer to ${target} (Host ${host})`));
    }, 5000);
    socket.on('connect', () =>
      socket.write(
        `GET ${target} HTTP/${version}\r\n${host === undefined ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`,
      ),
    );
    socket.on('data', (d) => (raw += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const status = Number(raw.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0);
      done({ status, body: raw.slice(raw.indexOf('\r\n\r\n') + 4) });
    });
  });
}

const FOREIGN = (port: number) => [
  'portal.stambenoruma.rs',
  `evil.example:${port}`,
  `127.0.0.1.nip.io:${port}`,
  `localhost.evil.example:${port}`,
  `192.168.1.10:${port}`,
  `[2001:db8::1]:${port}`,
  `0.0.0.0:${port}`,
];
const LOOPBACK = (port: number) => [
  `localhost:${port}`,
  `127.0.0.1:${port}`,
  `[::1]:${port}`,
  'localhost',
  'LOCALHOST',
];

describe('the names the Node server answers', () => {
  let h: Harness;
  let dir: string;
  let server: NodeServer;
  let port: number;

  beforeAll(async () => {
    h = await makeHarness();
    dir = mkdtempSync(join(tmpdir(), 'jp-hosts-'));
    mkdirSync(join(dir, 'widget'));
    const app = nodeServerApp(h.deps, { widgetDir: join(dir, 'widget'), demoDir: join(ROOT, 'demo') });
    server = await startNodeServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
    port = server.address.port;
  });
  afterAll(async () => {
    await server?.close();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers only on its loopback names (with the port or without), every other name 421 with words that say why and what to open', async () => {
    for (const host of LOOPBACK(port)) {
      expect((await request(port, '/api/health', host)).status, host).toBe(200);
      expect((await request(port, '/api/dev/outbox', host)).status, host).toBe(200);
    }
    // Before the API and the files: the dev outbox, an API route, the demo page, an unknown path.
    for (const host of FOREIGN(port)) {
      for (const path of ['/api/dev/outbox', '/api/health', '/', '/api/nope']) {
        const r = await request(port, path, host);
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.body, host).toMatch(/development server/);
        expect(r.body, host).toMatch(/localhost, 127\.0\.0\.1 or \[::1\]/);
        expect(r.body, host).toMatch(/APP_ENV=production/);
        expect(r.body, host).not.toMatch(/mails/);
      }
    }
  });

  it('refuses an HTTP/1.0 request with no Host header (the URL would name the listening address, not the name the client used)', async () => {
    for (const path of ['/api/health', '/api/dev/outbox', '/']) {
      const r = await request(port, path, undefined, '1.0');
      expect(r.status, path).toBe(421);
      expect(r.body, path).toMatch(/development server.*not none \(no Host header\)/);
      expect(r.body, path).not.toMatch(/mails/);
    }
    // The same request with a loopback Host line is answered.
    expect((await request(port, '/api/health', `localhost:${port}`, '1.0')).status).toBe(200);
  });

  it('refuses a foreign name in an absolute request target too, whatever the Host line says', async () => {
    const r = await request(port, 'http://evil.example/api/dev/outbox', `localhost:${port}`);
    expect(r.status).toBe(421);
    expect(r.body).not.toMatch(/mails/);
  });

  it('reads a Host header the way a browser writes one', () => {
    expect(isLoopbackAuthority('localhost:8787')).toBe(true);
    expect(isLoopbackAuthority('[::1]:8787')).toBe(true);
    expect(isLoopbackAuthority('127.0.0.1')).toBe(true);
    for (const bad of [undefined, '', 'evil.example', 'localhost:8787/x', 'user@localhost', 'local host', '[::1']) {
      expect(isLoopbackAuthority(bad), String(bad)).toBe(false);
    }
  });

  it('in production answers whatever name its proxy sends, where development refuses it', async () => {
    const prod = await makeHarness({ env: PRODUCTION_ENV });
    const prodDir = mkdtempSync(join(tmpdir(), 'jp-hosts-'));
    const app = nodeServerApp(prod.deps, { widgetDir: join(prodDir, 'widget'), demoDir: join(ROOT, 'demo') });
    const prodServer = await startNodeServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
    try {
      const prodPort = prodServer.address.port;
      expect((await request(prodPort, '/api/health', 'portal.stambenoruma.rs')).status).toBe(200);
      expect((await request(prodPort, '/api/dev/outbox', 'portal.stambenoruma.rs')).status).toBe(404);
      expect((await request(port, '/api/health', 'portal.stambenoruma.rs')).status).toBe(421);
    } finally {
      await prodServer.close();
      await prod.close();
      rmSync(prodDir, { recursive: true, force: true });
    }
  });
});
