// Request bodies: each route's JSON body validated by middleware (@hono/standard-validator with
// the contract's valibot schemas), so its handler reads the typed output from `c.req.valid('json')`.
// The answers: 400 invalid_json, 422 validation_failed with one field code per field (the
// contract's `fieldErrors`, as the widget validates); the guards before it answer 415 and 413.
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sValidator } from '@hono/standard-validator';
import type { BaseIssue, GenericSchema, InferInput, InferOutput } from 'valibot';
import { fieldErrors, validate, type Schemas } from '../../../contract/schemas.ts';
import type { AppEnv, JsonInput } from '../env.ts';
import { documented } from '../openapi/tags.ts';
import { fail } from './errors.ts';

// valibot's Standard Schema issues are its own (with the type that tells a missing key).
const valibotIssue = <I extends object>(i: I): i is I & BaseIssue<unknown> => 'kind' in i && 'type' in i;

/**
 * The body read as always: an empty one is `{}` (the options requests), one that is not JSON is
 * 400 invalid_json, one that is not an object 422 `{_: invalid_body}`; then validated with the
 * schema (422 validation_failed with the field codes).
 */
export function jsonBody<S extends GenericSchema>(
  schema: S,
  name: string,
): MiddlewareHandler<AppEnv, string, JsonInput<S>> {
  type I = JsonInput<S>;
  const validated = sValidator<S, 'json', AppEnv, string, InferInput<S>, InferOutput<S>, I, I, void>(
    'json',
    schema,
    (result) => {
      if (!result.success) throw fail('validation_failed', { fields: fieldErrors(result.error.filter(valibotIssue)) });
    },
  );
  const middleware = createMiddleware<AppEnv, string, JsonInput<S>>(async (c, next) => {
    // Read from the request itself (not Hono's body cache), and handed on to the validator's parse.
    const text = await c.req.raw.text();
    let parsed: unknown = {};
    try {
      if (text !== '') parsed = JSON.parse(text);
    } catch {
      throw fail('invalid_json');
    }
    // An array is an object to the schema; the body must be a JSON object, as `validate` says.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw fail('validation_failed', { fields: { _: 'invalid_body' } });
    c.req.raw = new Request(c.req.raw, { body: text || '{}' });
    return validated(c, next);
  });
  return documented(middleware, { body: schema, bodyName: name, errors: ['invalid_json', 'validation_failed'] });
}

/** One validator per schema of the contract, built once per app from the utility's schemas. */
export type BodyValidators = { [K in keyof Schemas]: MiddlewareHandler<AppEnv, string, JsonInput<Schemas[K]>> };

export function bodyValidators(s: Schemas): BodyValidators {
  return {
    register: jsonBody(s.register, 'register'),
    resend: jsonBody(s.resend, 'resend'),
    confirm: jsonBody(s.confirm, 'confirm'),
    login: jsonBody(s.login, 'login'),
    forgot: jsonBody(s.forgot, 'forgot'),
    reset: jsonBody(s.reset, 'reset'),
    resetPasskeys: jsonBody(s.resetPasskeys, 'resetPasskeys'),
    settings: jsonBody(s.settings, 'settings'),
    changePassword: jsonBody(s.changePassword, 'changePassword'),
    changeEmail: jsonBody(s.changeEmail, 'changeEmail'),
    linkConsumer: jsonBody(s.linkConsumer, 'linkConsumer'),
    unlinkConsumer: jsonBody(s.unlinkConsumer, 'unlinkConsumer'),
    revokeSession: jsonBody(s.revokeSession, 'revokeSession'),
    revokeAll: jsonBody(s.revokeAll, 'revokeAll'),
    deleteAccount: jsonBody(s.deleteAccount, 'deleteAccount'),
    loginCodeRequest: jsonBody(s.loginCodeRequest, 'loginCodeRequest'),
    loginCode: jsonBody(s.loginCode, 'loginCode'),
    passkeyLogin: jsonBody(s.passkeyLogin, 'passkeyLogin'),
    passkeyOptions: jsonBody(s.passkeyOptions, 'passkeyOptions'),
    passkeyAdd: jsonBody(s.passkeyAdd, 'passkeyAdd'),
    passkeyRemove: jsonBody(s.passkeyRemove, 'passkeyRemove'),
  };
}

/**
 * Parses the JSON body and validates it in the handler: 400 invalid_json or 422 validation_failed.
 * Only the office's routes (routes/staff/) still read their bodies so; the others use `jsonBody`.
 */
export async function readBody<S extends GenericSchema>(c: Context, schema: S): Promise<InferOutput<S>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw fail('invalid_json');
  }
  const r = validate(schema, raw);
  if (!r.ok) throw fail('validation_failed', { fields: r.fields });
  return r.value;
}
