// GET /api/diagnose(.js): the installation check's questions answered to any origin, without the
// database: whether the page's origin is allowed, the browser's Sec-Fetch-Site, the RP ID, the
// cookie, PORTAL_URL; the list of allowed origins only outside production; cacheable for a minute
// per Origin.
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, snapshot, type Harness } from '../harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Counts the libSQL client's calls while `work` runs. */
async function trips(harness: Harness, work: () => Promise<unknown>) {
  const client = harness.deps.db.$client as unknown as Record<string, (...a: unknown[]) => unknown>;
  let n = 0;
  const originals = new Map<string, (...a: unknown[]) => unknown>();
  for (const m of ['execute', 'batch', 'executeMultiple', 'transaction']) {
    const original = client[m];
    originals.set(m, original);
    client[m] = (...a: unknown[]) => (n++, original.apply(client, a));
  }
  await work();
  for (const [m, original] of originals) client[m] = original;
  return n;
}

describe('GET /api/diagnose', () => {
  it('says an allowed origin is allowed, to that origin and any other, without the database', async () => {
    h = await makeHarness({ env: { ALLOWED_ORIGINS: 'https://www.stambenoruma.rs' } });
    const before = await snapshot(h);
    let allowed: Awaited<ReturnType<Harness['call']>> | undefined;
    const n = await trips(h, async () => {
      allowed = await h!.call('GET', '/api/diagnose', undefined, {
        headers: { origin: 'https://www.stambenoruma.rs', 'sec-fetch-site': 'same-site' },
      });
    });
    expect(n).toBe(0);
    expect(allowed!.status).toBe(200);
    expect(allowed!.body).toMatchObject({
      origin: 'https://www.stambenoruma.rs',
      originAllowed: true,
      allowedOrigins: ['https://www.stambenoruma.rs'],
      fetchSite: 'same-site',
      apiOrigin: 'http://localhost:8787',
      portalUrl: 'http://localhost:8787/',
      rpId: 'localhost',
      cookie: { name: 'jp_session', secure: false, sameSite: 'Lax', httpOnly: true },
      production: false,
    });
    expect(allowed!.body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(allowed!.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed!.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed!.headers.get('cache-control')).toBe('public, max-age=60');
    expect(allowed!.headers.get('vary')).toMatch(/Origin/);

    const other = await h.call('GET', '/api/diagnose', undefined, {
      headers: { origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'cross-site' },
    });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      origin: 'http://127.0.0.1:5173',
      originAllowed: false,
      fetchSite: 'cross-site',
    });
    // A refused origin still reads the answer: that is the point of this one route.
    expect(other.headers.get('access-control-allow-origin')).toBe('*');
    expect(await snapshot(h)).toBe(before);
  });

  it('takes a same-origin page’s origin from the query only when no Origin came, and only a real origin', async () => {
    h = await makeHarness();
    const same = await h.call('GET', '/api/diagnose?origin=http%3A%2F%2Flocalhost%3A8787');
    expect(same.body).toMatchObject({ origin: 'http://localhost:8787', originAllowed: true });
    const header = await h.call('GET', '/api/diagnose?origin=http%3A%2F%2Flocalhost%3A8787', undefined, {
      headers: { origin: 'https://evil.example' },
    });
    expect(header.body).toMatchObject({ origin: 'https://evil.example', originAllowed: false });
    for (const q of [
      '',
      '?origin=javascript%3Aalert(1)',
      '?origin=http%3A%2F%2Flocalhost%3A8787%2Fpath',
      '?origin=x',
    ]) {
      const none = await h.call('GET', `/api/diagnose${q}`);
      expect(none.body).toMatchObject({ origin: null, originAllowed: null, fetchSite: null });
    }
  });

  it('in production says only yes or no for the origin it saw, never the list', async () => {
    h = await makeHarness({
      env: {
        APP_ENV: 'production',
        PORTAL_URL: 'https://www.stambenoruma.rs/portal',
        API_URL: 'https://portal.stambenoruma.rs',
        ALLOWED_ORIGINS: 'https://www.stambenoruma.rs,https://portal.stambenoruma.rs',
        RP_ID: 'stambenoruma.rs',
        PIN_KEY: 'p'.repeat(40),
        SIGNING_KEY: 's'.repeat(40),
        MAIL_TRANSPORT: 'mailchannels',
        MAILCHANNELS_API_KEY: 'k'.repeat(20),
      },
    });
    const r = await h.call('GET', '/api/diagnose', undefined, { headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      origin: 'https://evil.example',
      originAllowed: false,
      fetchSite: null,
      apiOrigin: 'https://portal.stambenoruma.rs',
      // Public (every mail names it): the check compares it with the page the widget is on.
      portalUrl: 'https://www.stambenoruma.rs/portal',
      rpId: 'stambenoruma.rs',
      cookie: { name: '__Host-jp_session', secure: true, sameSite: 'Lax', httpOnly: true },
      version: r.body.version,
      production: true,
    });
    const { portalUrl: _, ...rest } = r.body;
    expect(JSON.stringify(rest)).not.toContain('www.stambenoruma.rs');
  });
});

describe('GET /api/diagnose.js', () => {
  it('is the same answer as a JavaScript module, for a page whose CSP blocks connections but not scripts', async () => {
    h = await makeHarness();
    const res = await h.app.request('/api/diagnose.js', {
      headers: { origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = await res.text();
    expect(text.startsWith('export default {')).toBe(true);
    const mod = await import(`data:text/javascript,${encodeURIComponent(text)}`);
    expect(mod.default).toMatchObject({
      origin: 'http://127.0.0.1:5173',
      originAllowed: false,
      fetchSite: 'cross-site',
    });
  });
});
