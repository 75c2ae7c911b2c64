// What a middleware tells the OpenAPI document (openapi/document.ts) about the routes it runs
// before: the body it validates, the credential it wants, the error codes it answers with. Kept
// beside the function (a WeakMap), so it costs a request nothing.
import type { GenericSchema } from 'valibot';
import type { ErrorCode } from '../../../contract/errors.ts';

export interface MiddlewareDoc {
  /** The JSON body's schema (http/body.ts), and its name among the document's schemas. */
  body?: GenericSchema;
  bodyName?: string;
  /** The body's media type when it is not JSON (the billing system's CSV and PDF). */
  accepts?: string;
  security?: 'session' | 'adminToken' | 'staffSession';
  errors?: readonly ErrorCode[];
  /** Only for requests that change something (POST): the guards of bodies. */
  unsafeOnly?: boolean;
}

const docs = new WeakMap<object, MiddlewareDoc>();

/** The middleware itself, known to the document by what it does. */
export function documented<F extends object>(middleware: F, doc: MiddlewareDoc): F {
  docs.set(middleware, doc);
  return middleware;
}

export const docOf = (handler: object): MiddlewareDoc | undefined => docs.get(handler);
