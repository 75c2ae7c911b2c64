// The Node HTTP server around the app (`npm start`, the e2e and reliability rigs, the tests):
// time limits, a connection cap and a per-client connection cap against slow and piled-up
// clients, and the rule that the dev features are served only on a loopback address.
// Invariants: a client that has not sent its headers within headersTimeoutMs, or its whole
// request within requestTimeoutMs, is answered 408 or cut (at most checkIntervalMs late); an idle
// keep-alive connection is closed after keepAliveTimeoutMs; beyond maxConnections a new
// connection is closed at once, and so is one from a client address (IPv4, IPv6 /64) that already
// holds maxConnectionsPerClient — one client can hold no more than its share, however it reopens
// what is cut. Behind a proxy (TRUST_PROXY) every connection is the proxy's: the per-client cap is
// off unless set, and the proxy must limit each client (nginx `limit_conn`). In development (dev
// mail transport kept in the outbox, dev PIN and signing keys, GET /api/dev/outbox) the server
// listens only on loopback.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../src/http/loopback.ts';
import { addressKey } from '../src/http/address-key.ts';

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
  /** Open connections at once from one client address (IPv4, IPv6 /64); beyond, closed at once. 0: no cap. */
  maxConnectionsPerClient: number;
  /** How often Node looks for connections past the header and request limits (its default is 30 s). */
  checkIntervalMs: number;
}

// Headers: a browser sends them in one packet; 10 s is generous even on a poor mobile link.
// Request: resident bodies are ≤ 16 KiB; the largest is the billing system's upload (≤ 8 MiB,
// which fits in 30 s from ≥ 2.2 Mbit/s upstream — raise HTTP_REQUEST_TIMEOUT_MS for slower ones).
// Keep-alive: Node's own 5 s; behind a proxy, set it above the proxy's idle timeout.
// Connections: far above a small utility's residents at once (browsers keep ≤ 6 each), well
// within the file descriptors Node raises itself to.
// Per client: a browser keeps ≤ 6 connections to a host, so 32 is five browsers with all their
// connections open behind one address (a household, an office; raise it where many residents share
// a carrier's address), and it takes 32 addresses to fill the 1,000. Behind a proxy it is off by
// default (TRUST_PROXY): the proxy is then the one client, and the cap is the proxy's to keep.
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1000,
  maxConnectionsPerClient: 32,
  checkIntervalMs: 1_000,
};

function positiveInt(env: Env, name: string, dflt: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min}`);
  return n;
}

/**
 * HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS, HTTP_MAX_CONNECTIONS,
 * HTTP_MAX_CONNECTIONS_PER_CLIENT (0: none; by default none behind a proxy, `trustProxy`).
 */
export function serverLimitsFromEnv(env: Env, trustProxy = false): ServerLimits {
  const d = DEFAULT_SERVER_LIMITS;
  const limits: ServerLimits = {
    headersTimeoutMs: positiveInt(env, 'HTTP_HEADERS_TIMEOUT_MS', d.headersTimeoutMs),
    requestTimeoutMs: positiveInt(env, 'HTTP_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    keepAliveTimeoutMs: positiveInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs),
    maxConnections: positiveInt(env, 'HTTP_MAX_CONNECTIONS', d.maxConnections),
    maxConnectionsPerClient: positiveInt(
      env,
      'HTTP_MAX_CONNECTIONS_PER_CLIENT',
      trustProxy ? 0 : d.maxConnectionsPerClient,
      0,
    ),
    checkIntervalMs: d.checkIntervalMs,
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  return limits;
}

/**
 * What the start-up log says of one client's share of the server: the cap, or — behind a proxy
 * without one — that the proxy must keep it (a production precondition, named at every start).
 */
export function perClientNotice(limits: ServerLimits, trustProxy: boolean): { level: 'info' | 'warn'; msg: string } {
  if (limits.maxConnectionsPerClient > 0)
    return {
      level: 'info',
      msg:
        `at most ${limits.maxConnectionsPerClient} connections per client address (HTTP_MAX_CONNECTIONS_PER_CLIENT)` +
        (trustProxy ? ', counted per address of the proxy (TRUST_PROXY): each proxy address is one client' : ''),
    };
  return {
    level: 'warn',
    msg: trustProxy
      ? 'TRUST_PROXY: every connection comes from the proxy, so this server keeps no per-client connection cap — ' +
        'the proxy in front must limit connections per client address (nginx limit_conn, HAProxy maxconn per source), ' +
        `or one client can hold all ${limits.maxConnections} (HTTP_MAX_CONNECTIONS)`
      : `no per-client connection cap (HTTP_MAX_CONNECTIONS_PER_CLIENT=0): one client address can hold all ${limits.maxConnections} connections`,
  };
}

/** Why the server must not listen on `host`, or undefined when it may. */
export function listenRefusal(host: string, production: boolean): string | undefined {
  if (production || isLoopbackHost(host)) return undefined;
  return (
    `Refusing to start: HOST=${host} is not a loopback address, and in development (APP_ENV=development) the dev ` +
    'mail transport, the dev PIN and signing keys and GET /api/dev/outbox are on. Listen on localhost, ' +
    '127.0.0.1 or ::1 (unset HOST), or set APP_ENV=production with its secrets (PIN_KEY, SIGNING_KEY, MAILCHANNELS_API_KEY, …).'
  );
}

/** Counts each client address's open connections; closes at once one beyond `max` (0: no cap). */
function capPerClient(server: Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    // A socket already gone (reset at once) has no address: nothing to count or to close.
    if (!socket.remoteAddress) return;
    const key = addressKey(socket.remoteAddress);
    const n = open.get(key) ?? 0;
    if (n >= max) {
      socket.destroy();
      return;
    }
    open.set(key, n + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
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
  capPerClient(server, limits.maxConnectionsPerClient);
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
