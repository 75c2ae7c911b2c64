// The OpenAPI 3.1 document, generated from the app itself: its routes (app.routes, in the order
// they run), the middleware before each (openapi/tags.ts: the body's schema, the credential, the
// guards' error codes), the route table (openapi/operations.ts: summary, answers, the handler's
// codes) and the error registry (contract/errors.ts: each code's status and when). Built once per
// app, on the first request for it.
import { toJsonSchema } from '@valibot/to-json-schema';
import type { Hono } from 'hono';
import type { GenericSchema } from 'valibot';
import {
  ERROR_CODES,
  ERRORS,
  FIELD_CODES,
  statusesOf,
  statusOf,
  type ErrorCode,
  type ErrorStatus,
} from '../../../contract/errors.ts';
import { officeSchemas } from '../../../contract/office.ts';
import type { AppEnv } from '../env.ts';
import { type MiddlewareDoc, docOf } from './tags.ts';
import { OPERATIONS, type Operation } from './operations.ts';

type Json = Record<string, unknown>;

/** The parts of an OpenAPI operation the reference page reads. */
export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  security: Record<string, string[]>[];
  responses: Record<string, ResponseObject>;
}
export interface ResponseObject {
  description: string;
  /** The error codes of an error answer. */
  'x-error-codes'?: ErrorCode[];
  content?: Record<string, { schema: Json }>;
}
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json & { description: string }> };
}

/** Answered by any route: not listed per operation but as each one's `default`. */
export const ANY_ROUTE: readonly ErrorCode[] = ['invalid_request', 'service_unavailable', 'internal_error'];

const jsonSchema = (schema: GenericSchema): Json => {
  // Checks and transformations have no JSON Schema form; the patterns, lengths and types do.
  const { $schema: _, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' });
  return rest;
};

/** The error answers, a status each: the codes it may carry and when. */
function errorResponses(
  codes: readonly (ErrorCode | readonly [ErrorCode, ErrorStatus])[],
): Record<string, ResponseObject> {
  const byStatus = new Map<ErrorStatus, Set<ErrorCode>>();
  // A code once, at the status its route gives it (the registry's unless the route names another).
  for (const entry of codes) {
    const [code, status] = typeof entry === 'string' ? [entry, statusOf(entry)] : entry;
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const out: Record<string, ResponseObject> = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) out[String(status)] = errorResponse([...set]);
  return out;
}

/** An error answer: the codes it may carry (each one's when is in components.schemas.ErrorCode). */
function errorResponse(codes: readonly ErrorCode[]): ResponseObject {
  return {
    description: codes.map((code) => `\`${code}\``).join(', '),
    'x-error-codes': [...codes],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  };
}

function successResponse(answer: string | null): ResponseObject {
  if (answer === null) return { description: 'No content' };
  if (answer.includes('/') && !answer.startsWith('{')) {
    const binary = !answer.startsWith('text/') && answer !== 'application/json';
    return {
      description: answer,
      content: { [answer]: { schema: binary ? { type: 'string', format: 'binary' } : {} } },
    };
  }
  if (answer.startsWith('{'))
    return { description: answer, content: { 'application/json': { schema: { type: 'object' } } } };
  return {
    description: `\`${answer}\` (contract/responses.ts, the office's in contract/office.ts)`,
    content: { 'application/json': { schema: { type: 'object', 'x-contract-type': answer } } },
  };
}

/** The middleware that runs before a route: registered before it, for its path. */
function guardsOf(app: Hono<AppEnv>, method: string, path: string, until: number): MiddlewareDoc[] {
  const docs: MiddlewareDoc[] = [];
  app.routes.forEach((r, i) => {
    if (i > until) return;
    const applies =
      r.method === 'ALL'
        ? r.path === '*' || r.path === path || (r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)))
        : r.method === method && r.path === path;
    const doc = applies ? docOf(r.handler) : undefined;
    if (doc && (!doc.unsafeOnly || method !== 'GET')) docs.push(doc);
  });
  return docs;
}

/** The office's guards (routes/staff/, staff/guard.ts), which carry no tags: from its table entry. */
function officeGuards(method: string, op: Operation): MiddlewareDoc[] {
  if (!op.office) return [];
  const errors: ErrorCode[] = ['origin_not_allowed'];
  if (method !== 'GET') errors.push('unsupported_media_type', 'payload_too_large');
  if (op.officeBody) errors.push('invalid_json', 'validation_failed');
  if (op.office !== 'public') errors.push('unauthenticated');
  if (op.office === 'administrator') errors.push('forbidden');
  return [{ errors, ...(op.office !== 'public' && { security: 'staffSession' as const }) }];
}

export interface DocumentInfo {
  /** The utility's name. */
  title: string;
  /** Where the API is: its `/api` is in every path. */
  serverUrl: string;
}

export function openApiDocument(app: Hono<AppEnv>, info: DocumentInfo): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const bodies: Record<string, Json> = {};
  const office = officeSchemas();
  // Each route once, at its last handler (a route's middleware are entries of their own).
  const last = new Map<string, number>();
  app.routes.forEach((r, i) => {
    if (r.method !== 'ALL') last.set(`${r.method} ${r.path}`, i);
  });
  for (const [key, index] of last) {
    const [method, path] = key.split(' ');
    const op = OPERATIONS[key] ?? { summary: key, ok: {} };
    const docs = [...guardsOf(app, method, path, index), ...officeGuards(method, op)];
    const codes: (ErrorCode | readonly [ErrorCode, ErrorStatus])[] = docs.flatMap((d) => d.errors ?? []);
    codes.push(...(op.errors ?? []));
    const security = docs.find((d) => d.security)?.security;
    const bodyDoc = docs.find((d) => d.body);
    const bodyName = bodyDoc?.body ? bodyDoc.bodyName : op.officeBody && `office.${op.officeBody}`;
    const bodySchema = bodyDoc?.body ?? (op.officeBody && office[op.officeBody]);
    if (bodyName && bodySchema) bodies[bodyName] = jsonSchema(bodySchema);
    const accepts = docs.find((d) => d.accepts)?.accepts;
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = Object.entries(op.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      description,
      schema: { type: 'string' },
    }));
    const operation: OperationObject = {
      operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
      summary: op.summary,
      ...(op.description && { description: op.description }),
      tags: [tagOf(path)],
      ...(params.length + query.length > 0 && { parameters: [...params, ...query] }),
      ...(bodyName
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${bodyName}` } } },
            },
          }
        : accepts && {
            requestBody: { required: true, content: { [accepts]: { schema: { type: 'string', format: 'binary' } } } },
          }),
      security: security ? [{ [security]: [] }] : [],
      responses: {
        ...Object.fromEntries(Object.entries(op.ok).map(([s, answer]) => [s, successResponse(answer)])),
        ...errorResponses(codes),
        default: errorResponse(ANY_ROUTE),
      },
    };
    const oaPath = path.replace(/:(\w+)/g, '{$1}');
    paths[oaPath] = { ...paths[oaPath], [method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: `${info.title}: the resident portal's API`,
      version: '1',
      description: DESCRIPTION,
    },
    servers: [{ url: info.serverUrl }],
    tags: TAGS,
    paths,
    components: {
      schemas: {
        ErrorCode: {
          description: 'The registry of error codes (contract/errors.ts): each with its status and when.',
          oneOf: ERROR_CODES.map((code) => ({
            const: code,
            description: `${statusesOf(code).join(' / ')}: ${ERRORS[code].when}`,
            'x-status': statusesOf(code),
          })),
        },
        FieldCode: { description: 'Why one field was refused', enum: [...FIELD_CODES] },
        ErrorBody: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code'],
              properties: {
                code: { $ref: '#/components/schemas/ErrorCode' },
                fields: {
                  description:
                    'validation_failed: field (a dotted path; `_` for the body itself) → field code; import_failed: `{"file": why}`',
                  type: 'object',
                  additionalProperties: { type: 'string' },
                },
                attemptsLeft: {
                  description:
                    'invalid_consumer_credentials: the wrong PINs left before the next one is refused (429, or 423 consumer_locked at the total)',
                  type: 'integer',
                  minimum: 0,
                },
                origin: {
                  description:
                    'origin_not_allowed, development only: the refused `Origin`, to add to `ALLOWED_ORIGINS`',
                  type: 'string',
                },
              },
            },
          },
        },
        ...bodies,
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-jp_session',
          description:
            'The resident’s session cookie, set by the logins (`jp_session` on plain-http development); HttpOnly, SameSite=Lax.',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The billing system’s ADMIN_TOKEN, or ADMIN_TOKEN_NEXT during a rotation (constant-time compare; 10 failures per address per hour; the endpoints are off without ADMIN_TOKEN).',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-jp_staff',
          description: 'The office’s staff session cookie (docs/office.md), SameSite=Strict.',
        },
      },
    },
  };
}

const tagOf = (path: string) =>
  path.startsWith('/api/admin/')
    ? 'billing system'
    : path.startsWith('/api/staff/')
      ? 'office'
      : path.startsWith('/api/account/') || path.startsWith('/api/bills')
        ? 'account'
        : 'public';

const TAGS = [
  { name: 'public', description: 'Without a session: registration, logins, the forgotten password, health, diagnosis' },
  { name: 'account', description: 'The resident’s account area: the session cookie' },
  { name: 'billing system', description: 'The utility’s billing system: bearer ADMIN_TOKEN, bodies up to 8 MiB' },
  { name: 'office', description: 'The staff console (docs/office.md): its own origin, staff session and roles' },
];

const DESCRIPTION = `All bodies are JSON unless an operation says otherwise. State-changing requests (POST) of the resident's routes must send \`Content-Type: application/json\` and, when an \`Origin\` header is present, come from ALLOWED_ORIGINS; bodies over 16 KiB get 413. CORS answers allowed origins with credentials.

Errors are always \`{"error": {"code": "<code>", "fields"?: {...}}}\`: stable codes from the registry (components.schemas.ErrorCode, contract/errors.ts), no prose. Amounts are dinars, periods \`YYYY-MM\`, dates \`YYYY-MM-DD\`; every answer's shape is a type in contract/responses.ts. The bills CSV and the billing run: docs/api.md.`;
