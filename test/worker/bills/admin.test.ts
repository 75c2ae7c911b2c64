import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, ROOT, snapshot, type Harness } from '../harness.ts';

let h: Harness;
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
beforeEach(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await h.close();
});

const csv = () => readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8');
const push = (body: string, token = TOKEN, ip = '192.0.2.40') =>
  h.call('POST', '/api/admin/bills', undefined, {
    raw: body,
    ip,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
  });

describe('admin import endpoint', () => {
  it('imports bills for the billing system, idempotently', async () => {
    const r = await push(csv());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 30, created: 30, updated: 0, mailed: 0, errors: [] });
    expect((await push(csv())).body).toEqual({ imported: 30, created: 0, updated: 30, mailed: 0, errors: [] });
  });

  it('refuses without the right token, changing nothing, and limits guessing per IP', async () => {
    expect(
      (
        await h.call('POST', '/api/admin/bills', undefined, {
          raw: csv(),
          ip: '192.0.2.40',
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(401);
    for (let i = 0; i < 9; i++) expect((await push(csv(), `wrong-${i}`)).status).toBe(401);
    expect((await push(csv())).status).toBe(429);
    expect((await h.deps.db.$client.execute('SELECT count(*) AS n FROM bills')).rows[0].n).toBe(0);
    expect((await push(csv(), TOKEN, '192.0.2.41')).status).toBe(200);
  });

  it('reports a fatal file error with 422 and writes nothing', async () => {
    const before = await snapshot(h);
    const r = await push('sifra_potrosaca,period\n1,2\n');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import_failed');
    expect(await snapshot(h)).toBe(before);
  });

  it('is absent when no ADMIN_TOKEN is configured', async () => {
    const plain = await makeHarness();
    try {
      const r = await plain.call('POST', '/api/admin/bills', undefined, {
        raw: csv(),
        headers: { 'content-type': 'text/csv', authorization: 'Bearer x' },
      });
      expect(r.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('IMPORT_MAX_ROWS', () => {
  it('refuses a file with more bills than one request may hold, writing nothing; a part of it is taken', async () => {
    await h.close();
    h = await makeHarness({ env: { ADMIN_TOKEN: TOKEN, IMPORT_MAX_ROWS: '10' } });
    const [header, ...lines] = csv().trimEnd().split('\n');
    expect(lines.length).toBe(30);
    const before = await snapshot(h);
    const whole = await push(csv());
    expect(whole.status).toBe(422);
    expect(whole.body).toMatchObject({
      error: { code: 'import_failed', fields: { file: expect.stringContaining('10') } },
    });
    expect(await snapshot(h)).toBe(before);
    const part = await push([header, ...lines.slice(0, 10)].join('\n'));
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ imported: 10, errors: [] });
  });
});
