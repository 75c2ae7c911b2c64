// Starts ./app.ts in its own process (same Node, through tsx, as our server) on a free loopback
// port with a fresh libSQL file, signs one user up with email+password and keeps its session cookie.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../e2e/server.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export async function startBetterAuth() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jp-bench-better-auth-'));
  const url = `http://localhost:${port}`;
  const nonce = randomUUID();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'app.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DB_FILE: join(dir, 'better-auth.db'), NONCE: nonce },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).text()) === nonce) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`better-auth app did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const user = { name: 'Bench Korisnik', email: 'bench@example.com', password: 'sunce nad sremom 42' };
    const res = await fetch(`${url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(user),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await res.text();
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('better-auth.session_token='))
      ?.split(';')[0];
    if (res.status !== 200 || !cookie)
      throw new Error(`better-auth sign-up answered ${res.status} without a session cookie: ${body}\n${log}`);
    return { url, cookie, email: user.email, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
