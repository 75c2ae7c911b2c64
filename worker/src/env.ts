// The Hono environment the routes share (Hono's typed `Env`): what every request carries in
// `c.var`. The app is built once (per process, per Workers isolate); what differs per request
// (its adapters — `defer` on Workers is the request's waitUntil — and the client's address)
// is set by the scope middleware the entry hands to createApp.
import type { Context } from 'hono';
import type { BlankInput } from 'hono/types';
import type { GenericSchema, InferInput, InferOutput } from 'valibot';
import type { Deps } from './ports.ts';
import type { Schemas } from '../../contract/schemas.ts';
import type { LimitsPolicy } from './auth/limits.ts';
import type { CurrentSession } from './auth/sessions.ts';

/** What an entry supplies for one request. */
export interface RequestScope {
  deps: Deps;
  clientIp: string;
}

export interface AppEnv {
  Variables: RequestScope & {
    schemas: Schemas;
    limits: LimitsPolicy;
  };
}

/** Routes behind the session middleware: the resident's session is there. */
export interface AccountEnv {
  Variables: AppEnv['Variables'] & { session: CurrentSession };
}

/** What a route's JSON body validator (http/body.ts) gives its handler: `c.req.valid('json')`. */
export interface JsonInput<S extends GenericSchema> {
  in: { json: InferInput<S> };
  out: { json: InferOutput<S> };
}
/** The input of a route whose body is validated with `schemas[K]`; none without K. */
type BodyInput<K extends keyof Schemas> = [K] extends [never] ? BlankInput : JsonInput<Schemas[K]>;

/** A handler's context; `Ctx<'login'>` reads the body validated with `schemas.login`. */
export type Ctx<K extends keyof Schemas = never> = Context<AppEnv, string, BodyInput<K>>;
export type AccountCtx<K extends keyof Schemas = never> = Context<AccountEnv, string, BodyInput<K>>;
