import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, snapshot, type Harness } from '../harness.ts';
import { PRODUCTION_ENV } from '../../support/production-env.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

describe('CORS and CSRF', () => {
  it('answers preflights for allowed origins only, with credentials', async () => {
    const ok = await h.app.request('/api/login', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8787',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await h.app.request('/api/login', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses state changes from other origins and non-JSON bodies, changing nothing', async () => {
    const before = await snapshot(h);
    const evil = await h.call('POST', '/api/register', registration(), { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    // Development names the refused origin: the widget says which page to add to ALLOWED_ORIGINS.
    expect(evil.body).toEqual({ error: { code: 'origin_not_allowed', origin: 'https://evil.example' } });
    const form = await h.call('POST', '/api/register', undefined, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'name=a&email=b',
    });
    expect(form.status).toBe(415);
    expect(form.body).toEqual({ error: { code: 'unsupported_media_type' } });
    const plain = await h.call('POST', '/api/logout', undefined, { headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(await snapshot(h)).toBe(before);
  });

  it('in production refuses another origin with the code alone', async () => {
    const p = await makeHarness({ env: PRODUCTION_ENV });
    try {
      const evil = await p.call('POST', '/api/register', registration(), {
        headers: { origin: 'https://evil.example' },
      });
      expect(evil.status).toBe(403);
      expect(evil.body).toEqual({ error: { code: 'origin_not_allowed' } });
    } finally {
      await p.close();
    }
  });

  it('accepts requests from an allowed origin', async () => {
    const r = await h.call('POST', '/api/register', registration(), { headers: { origin: 'http://localhost:8787' } });
    expect(r.status).toBe(202);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const r = await h.call('POST', '/api/login', undefined, { raw: '{"email":' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'invalid_json' } });
  });

  it('answers bodies over 16 KiB with 413', async () => {
    const r = await h.call('POST', '/api/register', registration({ name: 'x'.repeat(17 * 1024) }));
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: { code: 'payload_too_large' } });
  });

  it('answers a non-object body with a field code', async () => {
    const r = await h.call('POST', '/api/login', undefined, { raw: '[1,2]' });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ error: { code: 'validation_failed', fields: { _: 'invalid_body' } } });
  });

  it('gives per-field codes', async () => {
    const r = await h.call('POST', '/api/register', {
      name: '',
      email: 'nije-adresa',
      password: 5,
      consumerCode: '12',
      pin: 'abcd',
      emailBills: 'da',
      acceptTerms: 'true',
      locale: 'de',
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual({
      name: 'required',
      email: 'invalid_email',
      password: 'required',
      consumerCode: 'invalid_format',
      pin: 'invalid_format',
      emailBills: 'invalid_type',
      acceptTerms: 'must_accept',
      locale: 'invalid_locale',
    });
  });

  it('answers unknown routes with JSON 404', async () => {
    const r = await h.call('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 'not_found' } });
  });
});

describe('headers', () => {
  it('sets security headers and no-store on API responses', async () => {
    const r = await h.call('GET', '/api/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('database unreachable', () => {
  it('answers 503 service_unavailable, and health recovers without restart when it is back', async () => {
    const client = h.deps.db.$client;
    const original = client.execute.bind(client);
    const originalBatch = client.batch.bind(client);
    const down = () =>
      Promise.reject(
        Object.assign(new Error('SQLITE_CANTOPEN: unable to open database file'), { code: 'SQLITE_CANTOPEN' }),
      );
    (client as any).execute = down;
    (client as any).batch = down;
    try {
      const r = await h.call('POST', '/api/login', { email: 'a@example.com', password: 'lozinka123456' });
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: { code: 'service_unavailable' } });
      expect((await h.call('GET', '/api/health')).status).toBe(503);
    } finally {
      (client as any).execute = original;
      (client as any).batch = originalBatch;
    }
    expect((await h.call('GET', '/api/health')).status).toBe(200);
  });
});

describe('dev outbox', () => {
  it('is absent in production', async () => {
    const prod = await makeHarness({
      env: {
        APP_ENV: 'production',
        PORTAL_URL: 'https://portal.stambenoruma.rs/',
        ALLOWED_ORIGINS: 'https://www.stambenoruma.rs',
        RP_ID: 'stambenoruma.rs',
        PIN_KEY: 'k'.repeat(40),
        SIGNING_KEY: 's'.repeat(40),
        MAIL_TRANSPORT: 'mailchannels',
        MAILCHANNELS_API_KEY: 'test',
        MAILCHANNELS_URL: 'http://127.0.0.1:9/none',
      },
    });
    try {
      expect((await prod.call('GET', '/api/dev/outbox')).status).toBe(404);
      expect((await prod.call('GET', '/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      await prod.close();
    }
  });
});

describe('missing fields', () => {
  it('are reported as required', async () => {
    const r = await h.call('POST', '/api/login', {});
    expect(r.body).toEqual({
      error: { code: 'validation_failed', fields: { email: 'required', password: 'required' } },
    });
  });
});
