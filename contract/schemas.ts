// Request schemas: the contract's rules for every body the API accepts, run by the worker on
// each request and by the widget before sending. Invariant: every message is a stable field
// code; the widget translates codes, the worker returns them as-is (never prose).
import * as v from 'valibot';
import { commonPasswordCheck } from './common-passwords.ts';
import { DEFAULT_LOCALE, LOCALES } from './locales.ts';
import type { FieldCode, FieldErrors } from './errors.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';
import { LINK_TOKEN } from './links.ts';
import { canonical, type TypedRule } from './typed-code.ts';
import type { UtilityConfig } from './utility-config.ts';

export interface SchemaOptions {
  consumerCodePattern: string;
  pinPattern: string;
  /** What the utility's codes and PINs allow to differ as typed (contract/typed-code.ts); its defaults when absent. */
  consumerCodeTyped?: TypedRule;
  pinTyped?: TypedRule;
  /** The utility's own words (name, short name, city), refused as passwords like the common ones. */
  commonWords?: readonly string[];
}

/** A utility's options, from its configuration: the same in the widget (bundled) and the worker. */
export const utilitySchemaOptions = (
  u: Pick<UtilityConfig, 'consumerCode' | 'pin' | 'name' | 'shortName' | 'city' | 'passwordWords'>,
): SchemaOptions => ({
  consumerCodePattern: u.consumerCode.pattern,
  pinPattern: u.pin.pattern,
  consumerCodeTyped: u.consumerCode,
  pinTyped: u.pin,
  commonWords: [u.name, u.shortName, u.city, ...u.passwordWords],
});

const NAME_MAX = 120;
const EMAIL_MAX = 254;
// Control characters never belong in a name or an address.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// Half an emoji (a lone UTF-16 surrogate) cannot be stored as UTF-8: refuse it rather than
// let the database turn it into U+FFFD (in a password, two different inputs would then match).
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
// An address as RFC 5322 writes it without quotes or comments: a dot-atom local part (letters,
// digits and !#$%&'*+/=?^_`{|}~- with single dots between: o'brien@…, ana+racuni@…) of at most
// 64 characters, and a host name with at least one dot whose labels are letters, digits and
// inner hyphens (at most 63 each), the last one starting with a letter. Quoted strings, spaces,
// control characters, IP literals and non-ASCII are refused: mail systems handle them unevenly.
const EMAIL_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const EMAIL_LOCAL_MAX = 64;

const requiredString = (max: number) =>
  v.pipe(
    v.string('required'),
    v.trim(),
    v.nonEmpty('required'),
    v.maxLength(max, 'too_long'),
    v.regex(NO_CONTROL, 'invalid_format'),
    v.regex(WELL_FORMED, 'invalid_format'),
  );

// Every schema is built by a function of its own (no module-level calls), so a bundle holds
// only what its views validate: the widget's first chunk carries the login schema alone.
const email = () =>
  v.pipe(
    v.string('required'),
    v.trim(),
    v.nonEmpty('required'),
    v.maxLength(EMAIL_MAX, 'too_long'),
    v.regex(EMAIL_PATTERN, 'invalid_email'),
    v.check((s) => s.indexOf('@') <= EMAIL_LOCAL_MAX, 'invalid_email'),
    v.toLowerCase(),
  );

// Every password field counts the code points of the NFC form (what the server hashes), so a
// password that registers is never too long to log in with. The value itself is not transformed:
// hashes made before normalisation must still verify.
const passwordLength = (s: string) => [...s.normalize('NFC')].length;

// Length and the Serbian common list; the English list and the personal-data check stay on the server.
const newPassword = (o: SchemaOptions) => {
  const isCommon = commonPasswordCheck(o.commonWords);
  return v.pipe(
    v.string('required'),
    v.nonEmpty('required'),
    v.check((s) => passwordLength(s) >= PASSWORD_MIN_LENGTH, 'password_too_short'),
    v.check((s) => passwordLength(s) <= PASSWORD_MAX_LENGTH, 'password_too_long'),
    v.regex(WELL_FORMED, 'invalid_format'),
    v.check((s) => passwordLength(s) > PASSWORD_MAX_LENGTH || !isCommon(s), 'password_common'),
  );
};

const body = <E extends v.ObjectEntries>(entries: E) => v.object(entries, 'invalid_body');

// Never hint at the policy when checking an existing password: anything non-empty up to the max.
const currentPassword = () =>
  v.pipe(
    v.string('required'),
    v.nonEmpty('required'),
    v.check((s) => passwordLength(s) <= PASSWORD_MAX_LENGTH, 'password_too_long'),
    v.regex(WELL_FORMED, 'invalid_format'),
  );
/** A consumer code as typed, in its canonical form ("t-2024/0815 " → "T-2024/0815" where the utility allows). */
const consumerCode = (o: SchemaOptions) =>
  v.pipe(
    v.string('required'),
    v.transform((s) => canonical('consumerCode', s, o.consumerCodeTyped)),
    v.nonEmpty('required'),
    v.regex(new RegExp(o.consumerCodePattern), 'invalid_format'),
  );
/** A PIN as it is typed from the bill, spaces and all ("48 21"): by default they are not part of it. */
const pin = (o: SchemaOptions) =>
  v.pipe(
    v.string('required'),
    v.transform((s) => canonical('pin', s, o.pinTyped)),
    v.nonEmpty('required'),
    v.regex(new RegExp(o.pinPattern), 'invalid_format'),
  );
const token = () => v.pipe(v.string('required'), v.regex(LINK_TOKEN, 'invalid_token'));
// A 6-digit login code; spaces a resident types between the digits are dropped.
const loginCode = () =>
  v.pipe(
    v.string('required'),
    v.transform((s) => s.replace(/\s+/g, '')),
    v.regex(/^\d{6}$/, 'invalid_format'),
  );
// A WebAuthn response as the browser's toJSON() writes it: base64url strings, checked for shape
// and size here, verified by @simplewebauthn/server.
const b64url = (max: number) =>
  v.pipe(v.string('invalid_type'), v.maxLength(max, 'too_long'), v.regex(/^[A-Za-z0-9_-]*$/, 'invalid_format'));
const credentialId = () => v.pipe(b64url(1366), v.nonEmpty('required'));
const clientExtensions = () => v.optional(v.record(v.string(), v.unknown(), 'invalid_type'), {});
const attachment = () => v.optional(v.picklist(['platform', 'cross-platform'], 'invalid_format'));
const registrationResponse = () =>
  v.object(
    {
      id: credentialId(),
      rawId: credentialId(),
      type: v.literal('public-key', 'invalid_type'),
      response: v.object(
        {
          clientDataJSON: b64url(4096),
          attestationObject: b64url(65536),
          transports: v.optional(v.array(v.pipe(v.string(), v.maxLength(32)), 'invalid_type')),
        },
        'invalid_type',
      ),
      authenticatorAttachment: attachment(),
      clientExtensionResults: clientExtensions(),
    },
    'invalid_type',
  );
const authenticationResponse = () =>
  v.object(
    {
      id: credentialId(),
      rawId: credentialId(),
      type: v.literal('public-key', 'invalid_type'),
      response: v.object(
        {
          clientDataJSON: b64url(4096),
          authenticatorData: b64url(4096),
          signature: b64url(2048),
          userHandle: v.optional(b64url(128)),
        },
        'invalid_type',
      ),
      authenticatorAttachment: attachment(),
      clientExtensionResults: clientExtensions(),
    },
    'invalid_type',
  );
const locale = () => v.picklist(LOCALES, 'invalid_locale');
const flag = () => v.boolean('invalid_type');

export const registerSchema = (o: SchemaOptions) =>
  body({
    name: requiredString(NAME_MAX),
    email: email(),
    password: newPassword(o),
    consumerCode: consumerCode(o),
    pin: pin(o),
    emailBills: v.optional(flag(), true),
    acceptTerms: v.literal(true, 'must_accept'),
    locale: v.optional(locale(), DEFAULT_LOCALE),
  });
export const resendSchema = () => body({ email: email() });
export const confirmSchema = () => body({ token: token() });
export const loginSchema = () =>
  body({ email: email(), password: currentPassword(), remember: v.optional(flag(), false) });
export const forgotSchema = () => body({ email: email(), locale: v.optional(locale()) });
export const resetSchema = (o: SchemaOptions) =>
  body({
    token: token(),
    password: newPassword(o),
    removePasskeys: v.optional(flag(), false),
    /**
     * The provisional passkeys (added in a session begun by a password, a code or a provisional
     * passkey) go unless kept.
     */
    keepProvisionalPasskeys: v.optional(flag(), false),
  });
export const settingsSchema = () => body({ emailBills: v.optional(flag()), locale: v.optional(locale()) });
export const changePasswordSchema = (o: SchemaOptions) =>
  body({ currentPassword: currentPassword(), newPassword: newPassword(o) });
export const changeEmailSchema = () => body({ password: currentPassword(), email: email() });
export const linkConsumerSchema = (o: SchemaOptions) => body({ consumerCode: consumerCode(o), pin: pin(o) });
export const unlinkConsumerSchema = (o: SchemaOptions) => body({ consumerCode: consumerCode(o) });
export const revokeSessionSchema = () =>
  body({ id: v.pipe(v.string('required'), v.regex(/^[0-9a-f]{16}$/, 'invalid_format')) });
/** `passkeys`: the resident asked to remove the account's passkeys too. */
export const revokeAllSchema = () =>
  body({ keepCurrent: v.optional(flag(), false), passkeys: v.optional(flag(), false) });
export const deleteAccountSchema = () => body({ password: currentPassword() });
export const loginCodeRequestSchema = () => body({ email: email(), locale: v.optional(locale()) });
export const loginCodeSchema = () => body({ email: email(), code: loginCode(), remember: v.optional(flag(), false) });
export const passkeyLoginSchema = () =>
  body({ response: authenticationResponse(), remember: v.optional(flag(), false) });
/** Asking to add a passkey: the password, unless the session is younger than 5 minutes. */
export const passkeyOptionsSchema = () => body({ password: v.optional(currentPassword()) });
export const passkeyAddSchema = () => body({ response: registrationResponse() });
export const passkeyRemoveSchema = () => body({ id: credentialId() });

export function makeSchemas(o: SchemaOptions) {
  return {
    register: registerSchema(o),
    resend: resendSchema(),
    confirm: confirmSchema(),
    login: loginSchema(),
    forgot: forgotSchema(),
    reset: resetSchema(o),
    /** The provisional passkeys a reset link's account would lose (the reset form lists them). */
    resetPasskeys: confirmSchema(),
    settings: settingsSchema(),
    changePassword: changePasswordSchema(o),
    changeEmail: changeEmailSchema(),
    linkConsumer: linkConsumerSchema(o),
    unlinkConsumer: unlinkConsumerSchema(o),
    revokeSession: revokeSessionSchema(),
    revokeAll: revokeAllSchema(),
    deleteAccount: deleteAccountSchema(),
    loginCodeRequest: loginCodeRequestSchema(),
    loginCode: loginCodeSchema(),
    passkeyLogin: passkeyLoginSchema(),
    passkeyOptions: passkeyOptionsSchema(),
    passkeyAdd: passkeyAddSchema(),
    passkeyRemove: passkeyRemoveSchema(),
  };
}

export type Schemas = ReturnType<typeof makeSchemas>;
export type RegisterInput = v.InferOutput<Schemas['register']>;
export type LoginInput = v.InferOutput<Schemas['login']>;

/** Validates and returns either the output or one error code per field (the first issue wins). */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; fields: FieldErrors } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, fields: { _: 'invalid_body' } };
  const r = v.safeParse(schema, input);
  return r.success ? { ok: true, value: r.output } : { ok: false, fields: fieldErrors(r.issues) };
}

/**
 * One error code per field (a dotted path; `_` for the body itself) from a schema's issues, the
 * first issue of each field winning: what `validate` answers, and the worker's validators too.
 */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') || '_';
    // A missing key is reported by the object schema itself.
    // Every message in these schemas is a FieldCode (test/contract/errors.test.ts reads them all).
    const code = issue.type === 'object' && key !== '_' ? 'required' : (issue.message as FieldCode);
    if (!(key in fields)) fields[key] = code;
  }
  return fields;
}
