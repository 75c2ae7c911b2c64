// The OpenAPI document (GET /api/openapi.json) and its reference page, read from the real app:
// every route the app has and the fuzz knows is in it, every error code of the registry is
// answered somewhere with its own status, and the validated bodies keep today's answers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, statusesOf, type ErrorCode } from '../../../contract/errors.ts';
import { OPERATIONS } from '../../../worker/src/openapi/operations.ts';
import type { OpenApiDocument } from '../../../worker/src/openapi/document.ts';
import { ROUTES } from '../../reliability/fuzz-inputs.ts';
import { type Harness, ROOT, makeHarness } from '../harness.ts';

let h: Harness;
let doc: OpenApiDocument;
beforeAll(async () => {
  h = await makeHarness();
  const r = await h.call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(() => h.close());

/** `METHOD /path` with every path parameter named `:id`, as the fuzz writes them. */
const normal = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/[:{](\w+)}?/g, ':id')}`;
const documented = () =>
  new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => normal(m, path))));
const appRoutes = () => [
  ...new Set(
    h.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${r.path}`),
  ),
];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route of the app, each described in openapi/operations.ts', () => {
    expect(doc.openapi).toBe('3.1.0');
    const inDoc = documented();
    const routes = appRoutes();
    expect(routes.filter((r) => !inDoc.has(normal(...(r.split(' ') as [string, string]))))).toEqual([]);
    expect(routes.filter((r) => !OPERATIONS[r])).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it("has every route of the fuzz's list; the others are ones the app does not have", async () => {
    const inDoc = documented();
    const missing = ROUTES.filter(([m, p]) => !inDoc.has(normal(m, p)));
    for (const [method, path] of missing) {
      const r = await h.call(method, path);
      expect([400, 404], `${method} ${path}`).toContain(r.status);
      expect(['not_found', 'invalid_request']).toContain(r.body.error.code);
    }
    expect(missing.length).toBeLessThan(ROUTES.length / 5);
  });

  it('answers every error code of the registry somewhere, each at a status of its own', () => {
    const seen = new Set<ErrorCode>();
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops))
        for (const [status, answer] of Object.entries(op.responses))
          for (const code of answer['x-error-codes'] ?? []) {
            seen.add(code);
            if (status !== 'default') expect(statusesOf(code), `${op.operationId} ${code}`).toContain(Number(status));
          }
    expect(ERROR_CODES.filter((c) => !seen.has(c))).toEqual([]);
    const registry = doc.components.schemas.ErrorCode.oneOf as { const: string }[];
    expect(registry.map((c) => c.const)).toEqual(ERROR_CODES);
  });

  it('gives each validated body its schema, and each route its credential', () => {
    const login = doc.paths['/api/login'].post;
    const ref = login.requestBody?.content['application/json'].schema.$ref;
    expect(ref).toBe('#/components/schemas/login');
    expect(doc.components.schemas.login.required).toEqual(['email', 'password']);
    // The utility's own formats, from the configured schemas.
    expect(JSON.stringify(doc.components.schemas.register)).toContain(
      JSON.stringify(h.deps.config.utility.consumerCode.pattern),
    );
    expect(login.security).toEqual([]);
    expect(doc.paths['/api/account/settings'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/bills/{id}'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/admin/bills'].post.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(doc.paths['/api/admin/bills'].post.requestBody?.content ?? {})).toEqual(['text/csv']);
    expect(doc.paths['/api/staff/members'].get.security).toEqual([{ staffSession: [] }]);
    expect(doc.paths['/api/account/passkeys'].post.responses['400']['x-error-codes']).toContain('passkey_failed');
    expect(doc.paths['/api/passkey/login'].post.responses['401']['x-error-codes']).toContain('passkey_failed');
    // GET routes have no body guards.
    expect(doc.paths['/api/account/sessions'].get.responses['415']).toBeUndefined();
  });

  it("names answers by the contract's own types", () => {
    const contract = ['contract/responses.ts', 'contract/office.ts']
      .map((f) => readFileSync(resolve(ROOT, f), 'utf8'))
      .join('\n');
    const named = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .flatMap((op) => Object.values(op.responses))
      .map((r) => r.content?.['application/json']?.schema['x-contract-type'])
      .filter((t): t is string => typeof t === 'string');
    expect(named.length).toBeGreaterThan(30);
    for (const t of named) expect(contract, t).toMatch(new RegExp(`export interface ${t.replace(/<.*/, '')}\\b`));
  });
});

describe('the reference page', () => {
  it('is plain HTML with every operation and every error code, no script', async () => {
    const res = await h.app.request('/api/reference', { headers: { 'x-test-ip': '203.0.113.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<style| style=/i);
    for (const [path, ops] of Object.entries(doc.paths))
      for (const method of Object.keys(ops)) expect(html).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    for (const code of ERROR_CODES) expect(html).toContain(`id="e-${code}"`);
  });
});

describe('validated bodies keep their answers', () => {
  it('an empty body is {}: the options need nothing, the login wants its fields', async () => {
    expect((await h.call('POST', '/api/passkey/login/options', undefined, { raw: '' })).status).toBe(200);
    const r = await h.call('POST', '/api/login', undefined, { raw: '' });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: { code: 'validation_failed', fields: { email: 'required', password: 'required' } },
    });
  });

  it('not JSON is 400 invalid_json, not an object 422 invalid_body, wrong fields their codes', async () => {
    expect((await h.call('POST', '/api/login', undefined, { raw: '{"email":' })).body).toEqual({
      error: { code: 'invalid_json' },
    });
    for (const raw of ['[]', '"x"', 'null', '7'])
      expect((await h.call('POST', '/api/register/resend', undefined, { raw })).body, raw).toEqual({
        error: { code: 'validation_failed', fields: { _: 'invalid_body' } },
      });
    const r = await h.call('POST', '/api/passkey/login', { response: { id: 'a', type: 'x' }, remember: 'yes' });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toMatchObject({
      'response.rawId': 'required',
      'response.type': 'invalid_type',
      remember: 'invalid_type',
    });
  });
});
