// The utility's configuration (config/utility.json, or the file UTILITY_CONFIG names): one valibot
// schema, the single source of truth — config/utility.schema.json is generated from it
// (`npm run config:schema`, checked by test/contract/utility-config.test.ts) — and the check that
// names the field and the line of every fault ("demo/vodovod/utility.json:14: consumerCode.pattern: …").
// The name is configured in Serbian Latin; its Cyrillic is generated (contract/translit.ts).
import { AA, contrast, nearestDarker, ratioText } from './contrast.ts';
import * as v from 'valibot';
import { jsonLines, JsonSyntaxError } from './json-lines.ts';
import { normalizeAccount, REFERENCE_MODELS } from './payment-reference.ts';
import { canonical, SPACES, TYPED_DEFAULTS, type TypedKind } from './typed-code.ts';

const text = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max), v.description(what));
/** A page of the utility's site: an absolute https URL or a path on the site ("/uslovi.html"). */
const link = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^(https:\/\/[^\s]+|\/[^\s]*)$/, 'must be an https:// URL or a path starting with /'),
    v.description(what),
  );
const HEX = /^#[0-9a-fA-F]{6}$/;
const colour = (what: string) => v.pipe(v.string(), v.regex(HEX, 'must be a colour like #1a5fb4'), v.description(what));
const version = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-01'),
  v.description('The version a resident accepts (a date): a new one is asked for again.'),
);

const isRegex = (s: string) => {
  try {
    new RegExp(s);
    return s.startsWith('^') && s.endsWith('$');
  } catch {
    return false;
  }
};

/** The corners of a side of the paper bill. */
export const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type Corner = (typeof CORNERS)[number];
/**
 * Where a code or PIN is printed on the paper bill: a corner of the front, or of the back
 * (`back-top-left`, …); the widget's bill figure, the hints and the embed guide follow it.
 */
export const PRINTED_AT = [...CORNERS, ...CORNERS.map((c) => `back-${c}` as const)] as const;
export type PrintedAt = (typeof PRINTED_AT)[number];

const format = (kind: TypedKind, what: string) => {
  const d = TYPED_DEFAULTS[kind];
  return v.pipe(
    v.strictObject({
      pattern: v.pipe(
        v.string(),
        v.check(isRegex, 'must be a regular expression from ^ to $'),
        v.description(`What a ${what} looks like: a regular expression from ^ to $.`),
      ),
      example: v.pipe(
        v.string(),
        v.nonEmpty(),
        v.maxLength(24),
        v.description(`An example ${what}, shown to residents.`),
      ),
      printedAt: v.pipe(
        v.picklist(PRINTED_AT),
        v.description(
          `Where the ${what} is printed on the paper bill: a corner of the front, or of the back (back-…).`,
        ),
      ),
      upperCase: v.optional(
        v.pipe(
          v.boolean(),
          v.description(
            `Letters typed in either case are the same ${what}: it is upper-cased before it is checked, ` +
              `stored and looked up (the pattern and example are then upper case). Default: ${d.upperCase}.`,
          ),
        ),
      ),
      spaces: v.optional(
        v.pipe(
          v.picklist(SPACES),
          v.description(
            `Which typed spaces are not part of the ${what}: those at the ends (trim) or every one (remove). ` +
              `Default: ${d.spaces}.`,
          ),
        ),
      ),
    }),
    v.forward(
      v.check((f) => !isRegex(f.pattern) || new RegExp(f.pattern).test(f.example), 'does not match the pattern'),
      ['example'],
    ),
    // What is stored is the canonical form: an example that typing would change could never be found.
    v.forward(
      v.check(
        (f) => canonical(kind, f.example, f) === f.example,
        (i) => {
          const f = i.input as { example: string; upperCase?: boolean; spaces?: 'trim' | 'remove' };
          return (
            `is not in the form a typed ${what} is brought to ` +
            `(${JSON.stringify(canonical(kind, f.example, f))}, by upperCase and spaces)`
          );
        },
      ),
      ['example'],
    ),
  );
};

const purposeRoom = (template: string, key: string, sample: string) => template.replace(key, sample).length <= 35;

export const utilityConfigSchema = v.pipe(
  v.strictObject({
    $schema: v.optional(v.string()),
    name: text(70, "The utility's name in Serbian Latin; the Cyrillic is generated."),
    shortName: text(40, 'A shorter name (tabs, small screens).'),
    city: text(40, 'The town.'),
    website: v.pipe(v.string(), v.url(), v.startsWith('https://'), v.description("The utility's site.")),
    logo: v.optional(link('A logo (URL or path on the site), shown in mails above the name.')),
    issuer: v.strictObject({
      legalName: text(120, 'The full legal name, on bills.'),
      pib: v.pipe(v.string(), v.regex(/^\d{9}$/, 'must be 9 digits'), v.description('Tax number (PIB).')),
      mb: v.pipe(v.string(), v.regex(/^\d{8}$/, 'must be 8 digits'), v.description('Company number (matični broj).')),
    }),
    contact: v.strictObject({
      phone: text(30, 'The phone number as residents dial it ("022 000 000").'),
      tel: v.pipe(
        v.string(),
        v.regex(/^\+\d{8,15}$/, 'must be +381… digits only'),
        v.description('The same number for tel: links.'),
      ),
      email: v.pipe(v.string(), v.email(), v.description('Where residents write.')),
      address: text(120, "The office's address."),
      hours: v.strictObject({
        'sr-Latn': text(120, 'Office hours in Serbian Latin (Cyrillic is generated).'),
        en: text(120, 'Office hours in English.'),
      }),
    }),
    colors: v.pipe(
      v.strictObject({
        primary: colour('Buttons, links and the header band.'),
        primaryText: colour('Text on the primary colour.'),
        accent: colour('Light backgrounds (help boxes).'),
      }),
      // WCAG AA (contrast.ts): the primary colour is link text on white, and the ground of primaryText.
      v.forward(
        v.check(
          (c) => !HEX.test(c.primary) || contrast(c.primary, '#ffffff') >= AA,
          (i) => {
            const c = i.input as { primary: string };
            const shade = nearestDarker(c.primary, (s) => contrast(s, '#ffffff') >= AA);
            return (
              `${c.primary} as link text on white has a contrast of ${ratioText(contrast(c.primary, '#ffffff'))}, ` +
              `under 4.5:1 (WCAG AA): the nearest passing shade is ${shade}`
            );
          },
        ),
        ['primary'],
      ),
      v.forward(
        v.check(
          (c) => !HEX.test(c.primary) || !HEX.test(c.primaryText) || contrast(c.primary, c.primaryText) >= AA,
          (i) => {
            const c = i.input as { primary: string; primaryText: string };
            const shade = nearestDarker(c.primary, (s) => contrast(s, c.primaryText) >= AA);
            return (
              `${c.primaryText} on ${c.primary} has a contrast of ${ratioText(contrast(c.primary, c.primaryText))}, ` +
              `under 4.5:1 (WCAG AA): darken primary to ${shade} or choose another primaryText`
            );
          },
        ),
        ['primaryText'],
      ),
    ),
    consumerCode: format('consumerCode', 'consumer code'),
    pin: format('pin', 'PIN'),
    terms: v.strictObject({ version, href: link('The terms of use.') }),
    privacy: v.strictObject({ version, href: link('The privacy notice.') }),
    manual: v.strictObject({ href: link("The residents' manual.") }),
    payment: v.pipe(
      v.strictObject({
        payee: v.pipe(
          v.array(text(70, 'A line of the payee.')),
          v.minLength(1),
          v.maxLength(3),
          v.check((l) => l.join('\r\n').length <= 70, 'must be at most 70 characters in all'),
          v.description('The payee as printed on the slip: name, then place (1–3 lines).'),
        ),
        account: v.pipe(
          v.string(),
          v.check((a) => {
            try {
              return normalizeAccount(a).length === 18;
            } catch {
              return false;
            }
          }, 'must be a Serbian account with valid control digits, like 845-0000000404849-87'),
          v.description("The utility's account (the total's slip; each bill carries its own)."),
        ),
        paymentCode: v.pipe(
          v.string(),
          v.regex(/^[12]\d{2}$/, 'must be 3 digits starting with 1 or 2'),
          v.description('Šifra plaćanja.'),
        ),
        model: v.pipe(
          v.picklist(REFERENCE_MODELS),
          v.description('The reference model: 97 (check digits in front) or 00 (no model, digits and dashes).'),
        ),
        purpose: v.pipe(
          v.string(),
          v.includes('{period}'),
          v.check((t) => purposeRoom(t, '{period}', 'septembar 2026.'), 'must fit 35 characters with the period'),
          v.description('The purpose of a bill\'s payment; {period} becomes "novembar 2026.".'),
        ),
        totalPayment: v.pipe(
          v.picklist(['perBill', 'total']),
          v.description('Several unpaid bills: one slip each (perBill) or one for the total (total).'),
        ),
        totalPurpose: v.pipe(
          v.string(),
          v.includes('{code}'),
          v.description("The total's purpose; {code} becomes the consumer code."),
        ),
        totalReference: v.pipe(
          v.string(),
          v.regex(/\{(code|digits)\}/, 'must hold {code} or {digits}'),
          v.description(
            "The total's reference before its check digits: {code} is the consumer code's letters and digits, " +
              '{digits} its digits.',
          ),
        ),
      }),
      v.forward(
        v.check(
          (p) => p.model === '97' || !p.totalReference.includes('{code}'),
          'model 00 takes digits only: use {digits}',
        ),
        ['totalReference'],
      ),
    ),
    mail: v.strictObject({
      from: v.pipe(v.string(), v.email(), v.description('The sender of every mail (MAIL_FROM overrides it).')),
      fromName: v.optional(
        text(70, "The sender's name (MAIL_FROM_NAME overrides it); the utility's name when absent."),
      ),
    }),
    passwordWords: v.pipe(
      v.array(text(70, 'A word or name.')),
      v.description(
        'Words of the utility refused as passwords, whole or by their parts, beside its name, short name and town.',
      ),
    ),
  }),
  v.forward(
    v.check(
      (c) => purposeRoom(c.payment.totalPurpose, '{code}', c.consumerCode.example),
      'must fit 35 characters with the example code',
    ),
    ['payment', 'totalPurpose'],
  ),
);

export type UtilityConfig = v.InferOutput<typeof utilityConfigSchema>;

export class UtilityConfigError extends Error {}

/**
 * The configuration from a JSON text, or an error listing each fault as
 * `file:line: field: problem` (the line of the field, or of the object it is missing from).
 */
export function parseUtilityConfig(json: string, file: string): UtilityConfig {
  let lines: Map<string, number>;
  try {
    lines = jsonLines(json);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new UtilityConfigError(`${file}:${e.line}: not JSON: ${e.message}`);
    throw e;
  }
  const result = v.safeParse(utilityConfigSchema, JSON.parse(json));
  if (result.success) return result.output;
  const faults = result.issues.map((issue) => {
    const keys = (issue.path ?? []).map((p) => String(p.key));
    let line: number | undefined;
    for (let n = keys.length; line === undefined && n >= 0; n--) line = lines.get(keys.slice(0, n).join('.'));
    const field = keys.join('.') || '(the file)';
    const problem = issue.kind === 'schema' && issue.input === undefined ? 'is missing' : issue.message;
    return `${file}:${line ?? 1}: ${field}: ${problem}`;
  });
  throw new UtilityConfigError(faults.join('\n'));
}
