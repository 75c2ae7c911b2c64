// The error-code registry: every code the worker can answer with is in it (the type checker sees
// fail(); these read what it cannot: literal error bodies, schema messages). That each one is in
// the OpenAPI document with its status: test/worker/openapi/.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FIELD_CODES } from '../../contract/errors.ts';
import { makeSchemas, validate } from '../../contract/schemas.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(resolve(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'));

describe('error codes', () => {
  it('are each listed once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(new Set(FIELD_CODES).size).toBe(FIELD_CODES.length);
  });

  it('cover every literal error body in the worker (outside ApiError, which the types check)', () => {
    const used = sources('worker').flatMap((s) => [...s.matchAll(/error: \{ code: '([a-z_]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(0);
    for (const code of used) expect(ERROR_CODES).toContain(code);
  });

  it('cover every message of the request schemas', () => {
    const schemas = readFileSync(resolve(ROOT, 'contract/schemas.ts'), 'utf8');
    // valibot's message is the last argument of a check: v.regex(X, 'code'), v.string('code') …
    const messages = [...schemas.matchAll(/[(,]\s*'([a-z_]+)'\)/g)].map((m) => m[1]).filter((c) => c !== 'sr-Latn');
    expect(messages.length).toBeGreaterThan(20);
    for (const code of messages) expect(FIELD_CODES).toContain(code);
    const s = makeSchemas({ consumerCodePattern: '^[0-9]+$', pinPattern: '^[0-9]+$' });
    const bad = [{}, { email: 1, password: [], token: '!', locale: 'de', acceptTerms: false, emailBills: 'yes' }];
    for (const schema of Object.values(s))
      for (const input of bad) {
        const r = validate(schema, input);
        if (!r.ok) for (const code of Object.values(r.fields)) expect(FIELD_CODES).toContain(code);
      }
    expect(validate(s.login, [])).toEqual({ ok: false, fields: { _: 'invalid_body' } });
  });
});
