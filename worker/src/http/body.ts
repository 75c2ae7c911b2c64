import type { Context } from 'hono';
import type { GenericSchema, InferOutput } from 'valibot';
import { validate } from '../../../contract/schemas.ts';
import { ApiError } from './errors.ts';

/** Parses the JSON body and validates it with a shared schema: 400 invalid_json or 422 validation_failed. */
export async function readBody<S extends GenericSchema>(c: Context, schema: S): Promise<InferOutput<S>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  const r = validate(schema, raw);
  if (!r.ok) throw new ApiError(422, 'validation_failed', r.fields);
  return r.value;
}
