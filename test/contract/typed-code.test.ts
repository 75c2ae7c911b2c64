// A typed code or PIN in its canonical form: the defaults keep what Ruma and Vodovod took before
// (a code's ends trimmed and its case kept; every space of a PIN dropped), a utility's rule
// upper-cases and drops inner spaces, the form is stable, and the request schemas give it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { canonical } from '../../contract/typed-code.ts';
import { registerSchema, linkConsumerSchema, utilitySchemaOptions, validate } from '../../contract/schemas.ts';
import { parseUtilityConfig } from '../../contract/utility-config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const config = (f: string) => parseUtilityConfig(readFileSync(resolve(ROOT, f), 'utf8'), f);
const ruma = config('config/utility.json');
const vodovod = config('demo/vodovod/utility.json');
const third = config('test/third-utility/utility.json');

describe('a typed code in its canonical form', () => {
  it("by default: a code's ends trimmed, its case and inner spaces kept; a PIN without any space", () => {
    expect(canonical('consumerCode', ' 104521\t')).toBe('104521');
    expect(canonical('consumerCode', 'vd-104730')).toBe('vd-104730');
    expect(canonical('consumerCode', '1045 21')).toBe('1045 21');
    expect(canonical('pin', ' 48 2\u00a01 ')).toBe('4821');
  });

  it('by the rule: upper case and every space gone', () => {
    expect(canonical('consumerCode', ' t-2024/ 0815 ', { upperCase: true, spaces: 'remove' })).toBe('T-2024/0815');
    expect(canonical('pin', 'ab 12', { upperCase: true })).toBe('AB12');
    expect(canonical('pin', ' 48 21 ', { spaces: 'trim' })).toBe('48 21');
  });

  it('is stable: the canonical form of a canonical form is itself', () => {
    for (const rule of [
      {},
      { upperCase: true },
      { spaces: 'remove' as const },
      { upperCase: true, spaces: 'remove' as const },
    ])
      for (const s of [' t-2024/ 0815 ', 'VD 104730', '9023 3871'])
        for (const kind of ['consumerCode', 'pin'] as const) {
          const once = canonical(kind, s, rule);
          expect(canonical(kind, once, rule)).toBe(once);
        }
  });
});

describe('the request schemas give the canonical form', () => {
  const body = (code: string, pin: string) => ({ consumerCode: code, pin });

  it('the third utility: a lower-case code with spaces and a PIN typed in two groups', () => {
    const r = validate(linkConsumerSchema(utilitySchemaOptions(third)), body(' t-2024 /0815 ', '9023 3871'));
    expect(r).toEqual({ ok: true, value: { consumerCode: 'T-2024/0815', pin: '90233871' } });
    const reg = v.safeParse(registerSchema(utilitySchemaOptions(third)), {
      name: 'Jelena Marković',
      email: 'Jelena@Example.com',
      password: 'ljubičasti kišobran 7',
      ...body('t-2024/0815 ', '9023 3871'),
      acceptTerms: true,
    });
    expect(reg.success && [reg.output.consumerCode, reg.output.pin]).toEqual(['T-2024/0815', '90233871']);
  });

  it('Ruma and Vodovod as before: the case of a letter and a space inside a code still count', () => {
    const vd = linkConsumerSchema(utilitySchemaOptions(vodovod));
    expect(validate(vd, body(' VD-104730 ', '583 920'))).toEqual({
      ok: true,
      value: { consumerCode: 'VD-104730', pin: '583920' },
    });
    expect(validate(vd, body('vd-104730', '583920'))).toEqual({
      ok: false,
      fields: { consumerCode: 'invalid_format' },
    });
    const rm = linkConsumerSchema(utilitySchemaOptions(ruma));
    expect(validate(rm, body('1045 21', '4821'))).toEqual({ ok: false, fields: { consumerCode: 'invalid_format' } });
    expect(validate(rm, body('   ', '4821'))).toEqual({ ok: false, fields: { consumerCode: 'required' } });
  });
});
