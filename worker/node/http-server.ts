// The Node HTTP server around the app (`npm start`, the e2e and reliability rigs, the tests):
// time limits and a connection cap against slow and piled-up clients, and the rule that the
// dev features are served only on a loopback address.
// Invariants: a client that has not sent its headers within headersTimeoutMs, or its whole
// request within requestTimeoutMs, is answered 408 or cut (at most checkIntervalMs late); an idle
// keep-alive connection is closed after keepAliveTimeoutMs; beyond maxConnections a new
// connection is closed at once. Outside APP_ENV=production (dev mail transport kept in the
// outbox, dev PIN and signing keys, GET /api/dev/outbox) the server listens only on loopback.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../src/http/loopback.ts';

export { isLoopbackHost };
import { createAdaptorServer } from '@hono/node-server';
import { ConfigError, type Env } from '../src/config.ts';

export interface ServerLimits {
  /** From the connection (or the request's first byte) to the end of its headers. */
  headersTimeoutMs: number;
  /** From the request's first byte to the end of its body. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; beyond, a new connection is closed without an answer. */
  maxConnections: number;
  /** How often Node looks for connections past the header and request limits (its default is 30 s). */
  checkIntervalMs: number;
}

// Headers: a browser sends them in one packet; 10 s is generous even on a poor mobile link.
// Request: resident bodies are ≤ 16 KiB; the largest is the billing system's upload (≤ 8 MiB,
// which fits in 30 s from ≥ 2.2 Mbit/s upstream — raise HTTP_REQUEST_TIMEOUT_MS for slower ones).
// Keep-alive: Node's own 5 s; behind a proxy, set it above the proxy's idle timeout.
// Connections: far above a small utility's residents at once (browsers keep ≤ 6 each), well
// within the file descriptors Node raises itself to; a proxy in front should cap per address.
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1000,
  checkIntervalMs: 1_000,
};

function positiveInt(env: Env, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be an integer ≥ 1`);
  return n;
}

/** HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS, HTTP_MAX_CONNECTIONS. */
export function serverLimitsFromEnv(env: Env): ServerLimits {
  const d = DEFAULT_SERVER_LIMITS;
  const limits: ServerLimits = {
    headersTimeoutMs: positiveInt(env, 'HTTP_HEADERS_TIMEOUT_MS', d.headersTimeoutMs),
    requestTimeoutMs: positiveInt(env, 'HTTP_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    keepAliveTimeoutMs: positiveInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs),
    maxConnections: positiveInt(env, 'HTTP_MAX_CONNECTIONS', d.maxConnections),
    checkIntervalMs: d.checkIntervalMs,
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  return limits;
}

/** localhost, 127.0.0.0/8, ::1 (also bracketed, and IPv4-mapped 127.x). Other names are not resolved: refused. */
/** Why the server must not listen on `host`, or undefined when it may. */
export function listenRefusal(host: string, production: boolean): string | undefined {
  if (production || isLoopbackHost(host)) return undefined;
  return (
    `Refusing to start: HOST=${host} is not a loopback address, and outside APP_ENV=production the dev ` +
    'mail transport, the dev PIN and signing keys and GET /api/dev/outbox are on. Listen on localhost, ' +
    '127.0.0.1 or ::1 (unset HOST), or set APP_ENV=production with its secrets (PIN_KEY, SIGNING_KEY, MAILCHANNELS_API_KEY, …).'
  );
}

export interface NodeServer {
  server: Server;
  /** The address actually bound (port 0 → the one the system chose). */
  address: AddressInfo;
  /** Stops accepting, cuts open connections, resolves once closed. */
  close(): Promise<void>;
}

export type FetchHandler = (request: Request, env: never) => Response | Promise<Response>;

export function startNodeServer(
  fetch: FetchHandler,
  opts: { port: number; hostname: string; limits?: Partial<ServerLimits> },
): Promise<NodeServer> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...opts.limits };
  const server = createAdaptorServer({
    fetch: fetch as never,
    hostname: opts.hostname,
    serverOptions: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  }) as Server;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.hostname, () => {
      server.off('error', fail);
      ok({
        server,
        address: server.address() as AddressInfo,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
