// The utility's configuration: both shipped files pass; a bad file gets every fault as
// `file:line: field: problem`; and the published JSON Schema is what the valibot schema gives.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseUtilityConfig, UtilityConfigError } from '../../contract/utility-config.ts';
import { jsonLines } from '../../contract/json-lines.ts';
import { contrast } from '../../contract/contrast.ts';
import { latinToCyrillic } from '../../contract/translit.ts';
import { utilityJsonSchema } from '../../worker/scripts/utility-schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(resolve(ROOT, f), 'utf8');
const RUMA = read('config/utility.json');
const VODOVOD = read('demo/vodovod/utility.json');

/** The error of a file changed by `edit`, or '' when it passes. */
function faults(json: string, edit: (s: string) => string, file = 'config/vodovod.json'): string {
  try {
    parseUtilityConfig(edit(json), file);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(UtilityConfigError);
    return (e as Error).message;
  }
}
/** The 1-based line of the first line of `json` holding `needle`. */
const lineOf = (json: string, needle: string) => json.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe("the utility's configuration", () => {
  it('passes for both shipped utilities, and they differ where the second example means to', () => {
    const ruma = parseUtilityConfig(RUMA, 'config/utility.json');
    const vodovod = parseUtilityConfig(VODOVOD, 'demo/vodovod/utility.json');
    expect(vodovod.consumerCode.pattern).not.toBe(ruma.consumerCode.pattern);
    expect(new RegExp(vodovod.consumerCode.pattern).test(vodovod.consumerCode.example)).toBe(true);
    expect(vodovod.consumerCode.example).toMatch(/[A-Z]/);
    expect(vodovod.pin.example).toMatch(/^\d{6}$/);
    expect(vodovod.colors.primary).not.toBe(ruma.colors.primary);
    expect(vodovod.payment.account).not.toBe(ruma.payment.account);
    expect(vodovod.payment.model).not.toBe(ruma.payment.model);
    // The Cyrillic name is generated, not configured.
    expect(latinToCyrillic(vodovod.name)).toBe('ЈКП Водовод Пример');
  });

  it('names the file, the line and the field of every fault, all at once', () => {
    const message = faults(VODOVOD, (s) =>
      s
        .replace('"^VD-[0-9]{6}$"', '"^VD-[0-9{6}$"')
        .replace('"#00695c"', '"teal"')
        .replace('"205-0000000123456-66"', '"205-0000000123456-67"')
        .replace('"model": "00"', '"model": "11"'),
    );
    expect(message.split('\n')).toEqual([
      `config/vodovod.json:${lineOf(VODOVOD, '"primary"')}: colors.primary: must be a colour like #1a5fb4`,
      `config/vodovod.json:${lineOf(VODOVOD, '"^VD-')}: consumerCode.pattern: must be a regular expression from ^ to $`,
      `config/vodovod.json:${lineOf(VODOVOD, '"account"')}: payment.account: must be a Serbian account with valid control digits, like 845-0000000404849-87`,
      `config/vodovod.json:${lineOf(VODOVOD, '"model"')}: payment.model: Invalid type: Expected ("97" | "00") but received "11"`,
    ]);
  });

  it('says what is missing, unknown, or does not fit its format', () => {
    const example = lineOf(VODOVOD, '"example": "VD-');
    expect(faults(VODOVOD, (s) => s.replace('"example": "VD-104730"', '"example": "104730"'))).toBe(
      `config/vodovod.json:${example}: consumerCode.example: does not match the pattern`,
    );
    expect(faults(VODOVOD, (s) => s.replace('"city": "Primerovac",\n', ''))).toBe(
      'config/vodovod.json:1: city: is missing',
    );
    expect(faults(VODOVOD, (s) => s.replace('"city":', '"town":'))).toMatch(
      new RegExp(`^config/vodovod.json:${lineOf(VODOVOD, '"city"')}: town: Invalid key`, 'm'),
    );
    expect(faults(VODOVOD, (s) => s.replace('"Voda za {period}"', '"Voda, kanalizacija i vodomer za {period}"'))).toBe(
      `config/vodovod.json:${lineOf(VODOVOD, '"purpose"')}: payment.purpose: must fit 35 characters with the period`,
    );
    expect(faults(VODOVOD, (s) => s.replace('"totalReference": "{digits}"', '"totalReference": "{code}"'))).toBe(
      `config/vodovod.json:${lineOf(VODOVOD, '"totalReference"')}: payment.totalReference: model 00 takes digits only: use {digits}`,
    );
    expect(faults(VODOVOD, (s) => s.replace('"printedAt": "bottom-left"', '"printedAt": "middle"'))).toMatch(
      /^config\/vodovod.json:\d+: pin.printedAt: Invalid type/,
    );
  });

  it("takes a code's normalisation and a place on the back of the bill, and refuses an example typing would change", () => {
    const third = parseUtilityConfig(read('test/third-utility/utility.json'), 'test/third-utility/utility.json');
    expect(third.consumerCode).toMatchObject({ example: 'T-2024/0815', upperCase: true, spaces: 'remove' });
    expect(third.pin.printedAt).toBe('back-top-right');
    expect(contrast(third.colors.primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    const example = lineOf(VODOVOD, '"example": "VD-');
    const lower = (s: string) =>
      s.replace('"pattern": "^VD-', '"upperCase": true,\n    "pattern": "^VD-').replace('"VD-104730"', '"vd-104730"');
    expect(faults(VODOVOD, lower)).toContain(
      `config/vodovod.json:${example + 1}: consumerCode.example: is not in the form a typed consumer code is brought to ("VD-104730", by upperCase and spaces)`,
    );
    expect(
      faults(VODOVOD, (s) => s.replace('"example": "583920"', '"example": "583920",\n    "spaces": "sometimes"')),
    ).toMatch(/^config\/vodovod.json:\d+: pin.spaces: Invalid type: Expected \("trim" \| "remove"\)/);
    expect(faults(VODOVOD, (s) => s.replace('"printedAt": "bottom-left"', '"printedAt": "back-bottom-left"'))).toBe('');
  });

  it('refuses brand colours under WCAG AA, naming the field, the ratio and the nearest passing shade', () => {
    const orange = faults(VODOVOD, (s) => s.replace('"primary": "#00695c"', '"primary": "#f07d00"'));
    const line = lineOf(VODOVOD, '"primary": "#00695c"');
    expect(orange).toContain(
      `config/vodovod.json:${line}: colors.primary: #f07d00 as link text on white has a contrast of 2.7:1, under 4.5:1 (WCAG AA): the nearest passing shade is `,
    );
    expect(orange).toMatch(
      /colors\.primaryText: #ffffff on #f07d00 has a contrast of 2\.7:1, under 4\.5:1 \(WCAG AA\): darken primary to #[0-9a-f]{6}/,
    );
    // The shade it names passes.
    const shade = /nearest passing shade is (#[0-9a-f]{6})/.exec(orange)![1];
    expect(contrast(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(faults(VODOVOD, (s) => s.replace('"primary": "#00695c"', `"primary": "${shade}"`))).toBe('');
    // Dark text on a light colour is fine for the button, not for links on white.
    const light = faults(VODOVOD, (s) =>
      s
        .replace('"primary": "#00695c"', '"primary": "#ffd54f"')
        .replace('"primaryText": "#ffffff"', '"primaryText": "#1a1a1a"'),
    );
    expect(light).toContain('colors.primary: #ffd54f as link text on white');
    expect(light).not.toContain('colors.primaryText');
    expect(contrast('#000000', '#ffffff')).toBe(21);
  });

  it('gives the line of a JSON syntax error', () => {
    const broken = VODOVOD.replace('"shortName": "Vodovod Primer",', '"shortName": "Vodovod Primer"');
    expect(faults(broken, (s) => s)).toBe(
      `config/vodovod.json:${lineOf(VODOVOD, '"city"')}: not JSON: "," or "}" expected`,
    );
  });

  it('finds the line of every value, nested or in a list', () => {
    const lines = jsonLines('{\n  "a": {\n    "b": [\n      1,\n      "x"\n    ]\n  }\n}');
    expect(Object.fromEntries(lines)).toEqual({ '': 1, a: 2, 'a.b': 3, 'a.b.0': 4, 'a.b.1': 5 });
  });

  it('publishes the JSON Schema that the valibot schema gives (npm run config:schema), referenced by both files', () => {
    expect(JSON.parse(read('config/utility.schema.json'))).toEqual(utilityJsonSchema());
    expect(JSON.parse(RUMA).$schema).toBe('./utility.schema.json');
    expect(JSON.parse(VODOVOD).$schema).toBe('../../config/utility.schema.json');
    const schema = utilityJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    for (const key of Object.keys(JSON.parse(RUMA)).filter((k) => k !== '$schema'))
      expect(schema.properties).toHaveProperty(key);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'consumerCode', 'pin', 'payment', 'mail']));
  });
});
