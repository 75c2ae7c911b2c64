// Request schemas shared by the worker and the widget. Every message is a stable
// field error code; the widget translates codes, the worker returns them as-is.
import * as v from 'valibot';

export const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface SchemaOptions {
  passwordMinLength: number;
  consumerCodePattern: string;
  pinPattern: string;
}

export const PASSWORD_MAX_LENGTH = 128;
const NAME_MAX = 120;
const EMAIL_MAX = 254;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;
// Control characters never belong in a name or an address.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

const requiredString = (max: number) =>
  v.pipe(
    v.string('required'),
    v.trim(),
    v.nonEmpty('required'),
    v.maxLength(max, 'too_long'),
    v.regex(NO_CONTROL, 'invalid_format'),
  );

export const emailSchema = v.pipe(
  v.string('required'),
  v.trim(),
  v.nonEmpty('required'),
  v.maxLength(EMAIL_MAX, 'too_long'),
  v.email('invalid_email'),
  v.toLowerCase(),
);

// Length only: the common-password and personal-data checks need the server's lists.
export const passwordSchema = (min: number) =>
  v.pipe(
    v.string('required'),
    v.nonEmpty('required'),
    v.check((s) => [...s].length >= min, 'password_too_short'),
    v.check((s) => [...s].length <= PASSWORD_MAX_LENGTH, 'password_too_long'),
  );

const body = <E extends v.ObjectEntries>(entries: E) => v.object(entries, 'invalid_body');

// Never hint at the policy when checking an existing password: anything non-empty up to the max.
const currentPassword = v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(PASSWORD_MAX_LENGTH, 'password_too_long'));
const consumerCode = (re: RegExp) => v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.regex(re, 'invalid_format'));

const tokenSchema = v.pipe(v.string('required'), v.regex(TOKEN_PATTERN, 'invalid_token'));

export function makeSchemas(o: SchemaOptions) {
  const codeRe = new RegExp(o.consumerCodePattern);
  const pinRe = new RegExp(o.pinPattern);
  return {
    register: body({
      name: requiredString(NAME_MAX),
      email: emailSchema,
      password: passwordSchema(o.passwordMinLength),
      consumerCode: consumerCode(codeRe),
      pin: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.regex(pinRe, 'invalid_format')),
      emailBills: v.optional(v.boolean('invalid_type'), true),
      acceptTerms: v.literal(true, 'must_accept'),
      locale: v.optional(v.picklist(LOCALES, 'invalid_locale'), 'sr-Latn'),
    }),
    resend: body({ email: emailSchema }),
    confirm: body({ token: tokenSchema }),
    login: body({
      email: emailSchema,
      password: currentPassword,
      remember: v.optional(v.boolean('invalid_type'), false),
    }),
    forgot: body({ email: emailSchema, locale: v.optional(v.picklist(LOCALES, 'invalid_locale')) }),
    reset: body({ token: tokenSchema, password: passwordSchema(o.passwordMinLength) }),
    settings: body({
      emailBills: v.optional(v.boolean('invalid_type')),
      locale: v.optional(v.picklist(LOCALES, 'invalid_locale')),
    }),
    changePassword: body({ currentPassword: currentPassword, newPassword: passwordSchema(o.passwordMinLength) }),
    changeEmail: body({ password: currentPassword, email: emailSchema }),
    linkConsumer: body({ consumerCode: consumerCode(codeRe), pin: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.regex(pinRe, 'invalid_format')) }),
    unlinkConsumer: body({ consumerCode: consumerCode(codeRe) }),
    revokeSession: body({ id: v.pipe(v.string('required'), v.regex(/^[0-9a-f]{16}$/, 'invalid_format')) }),
    revokeAll: body({ keepCurrent: v.optional(v.boolean('invalid_type'), false) }),
    deleteAccount: body({ password: currentPassword }),
  };
}

export type Schemas = ReturnType<typeof makeSchemas>;
export type RegisterInput = v.InferOutput<Schemas['register']>;
export type LoginInput = v.InferOutput<Schemas['login']>;

export type FieldErrors = Record<string, string>;

/** Validates and returns either the output or one error code per field (the first issue wins). */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; fields: FieldErrors } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, fields: { _: 'invalid_body' } };
  const r = v.safeParse(schema, input);
  if (r.success) return { ok: true, value: r.output };
  const fields: FieldErrors = {};
  for (const issue of r.issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') || '_';
    // A missing key is reported by the object schema itself.
    const code = issue.type === 'object' && key !== '_' ? 'required' : issue.message;
    if (!(key in fields)) fields[key] = code;
  }
  return { ok: false, fields };
}
