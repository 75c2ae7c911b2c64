// Dev features (dev mail transport, dev keys, GET /api/dev/outbox) only on loopback: in
// development (APP_ENV=development) `npm start` refuses any other listening address, before it
// opens anything (and answers only loopback names: dev-hosts.test.ts).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness.ts';
import { isLoopbackHost, listenRefusal } from '../../../worker/node/http-server.ts';

describe('the listening address', () => {
  it('counts localhost, 127.0.0.0/8 and ::1 as loopback, and nothing else', () => {
    for (const h of [
      'localhost',
      'LOCALHOST',
      'localhost.',
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of [
      '0.0.0.0',
      '::',
      '[::]',
      '192.168.1.10',
      '10.0.0.1',
      '128.0.0.1',
      '::2',
      '::ffff:10.0.0.1',
      'localhost.example.com',
      'portal.stambenoruma.rs',
      'example',
      '',
    ]) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });

  it('is refused off loopback in development, with a message naming the fix', () => {
    expect(listenRefusal('localhost', false)).toBeUndefined();
    expect(listenRefusal('::1', false)).toBeUndefined();
    expect(listenRefusal('0.0.0.0', true)).toBeUndefined();
    const message = listenRefusal('0.0.0.0', false);
    expect(message).toMatch(/HOST=0\.0\.0\.0/);
    expect(message).toMatch(/APP_ENV=production/);
    expect(message).toMatch(/localhost/);
  });

  it('makes `npm start` exit 1 at once on HOST=0.0.0.0 in development, with no database made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jp-host-'));
    try {
      const dbFile = join(dir, 'portal.db');
      const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          HOST: '0.0.0.0',
          PORT: '0',
          APP_ENV: 'development',
          DATABASE_URL: `file:${dbFile}`,
          FILES_DIR: join(dir, 'files'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await new Promise<number | null>((ok) => child.once('exit', ok));
      clearTimeout(killer);
      expect(code, output).toBe(1);
      expect(output).toMatch(/Refusing to start: HOST=0\.0\.0\.0 is not a loopback address/);
      expect(existsSync(dbFile)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
