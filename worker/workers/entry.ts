// The Cloudflare Workers entry: the same app as on Node, with edge adapters — libSQL over
// HTTP (Turso or sqld), Argon2id in WebAssembly, R2 for files, waitUntil for work after the
// response, Cloudflare Queues for the bill run's mails (mail-queue.ts), and Cron Triggers for
// the safety net (due mail handed to the queue again) and the cleanup.
import type { ExecutionContext, Fetcher, SendEmail } from '@cloudflare/workers-types/latest';
import { createClient, type Client } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from '../src/db/schema.ts';
import { createApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Db, Deps } from '../src/ports.ts';
import { mailTransportFor } from '../src/mail/transport.ts';
import { runJobs } from '../src/jobs.ts';
import { localMailQueue } from '../src/mail/local-queue.ts';
import {
  cloudflareMailQueue,
  consumeDeliveryEvents,
  consumeMailBatch,
  type QueueBatch,
  type QueueBinding,
} from './mail-queue.ts';
import { wasmArgon2 } from './argon2.ts';
import { boundedHasher } from '../src/auth/bounded-hasher.ts';
import { r2Store, assetFonts } from './files.ts';
import { countingClient } from '../src/db/round-trips.ts';
import { isLoopbackHost } from '../src/http/loopback.ts';
import utility from './utility.ts';

type Bindings = Record<string, unknown> & {
  ASSETS?: Fetcher;
  FILES?: Parameters<typeof r2Store>[0];
  /** The bill run's queue (wrangler.toml); without it, mails are sent from the request's waitUntil and the cron. */
  MAIL_QUEUE?: QueueBinding;
  /** Cloudflare Email Service's `send_email` binding (MAIL_TRANSPORT=cloudflare). */
  EMAIL?: SendEmail;
};
type Shared = Omit<Deps, 'defer' | 'mailQueue'>;

// One client and configuration per isolate; each request gets its own `defer` and round-trip count.
let base: Shared | undefined;
let client: Client | undefined;

function baseDeps(env: Bindings): Shared {
  if (base) return base;
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  const config: Config = loadConfig(vars, utility);
  const url = vars.LIBSQL_URL || vars.DATABASE_URL;
  if (!url) throw new Error('LIBSQL_URL is not set');
  client = createClient({ url, authToken: vars.LIBSQL_AUTH_TOKEN });
  base = {
    config,
    db: drizzle(client, { schema }) as unknown as Db,
    hasher: boundedHasher(wasmArgon2, config.argon2),
    mail: mailTransportFor(config, { emailBinding: env.EMAIL }),
    files: r2Store(env.FILES),
    fonts: assetFonts(env.ASSETS),
    now: Date.now,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    log: (level, msg, data) => console[level === 'info' ? 'log' : level](JSON.stringify({ level, msg, ...data })),
  };
  return base;
}

/** The adapters of one invocation: its own waitUntil, and the queue that its mails are handed to. */
function invocationDeps(env: Bindings, shared: Shared, defer: Deps['defer']): Deps {
  const deps: Deps = {
    ...shared,
    defer,
    mailQueue: env.MAIL_QUEUE ? cloudflareMailQueue(env.MAIL_QUEUE, () => deps) : localMailQueue(() => deps),
  };
  return deps;
}

/** Work for waitUntil that starts only once the response has been handed back. */
const afterResponse = (work: () => Promise<unknown>) => new Promise((ok) => setTimeout(ok, 0)).then(work);

/** The request's own round-trip counter rides in the bindings handed to the app. */
const TRIPS = '__dbTrips';

let app: ReturnType<typeof createApp> | undefined;

/** Built once per isolate; each request's adapters (its waitUntil, a counting client) come from its scope. */
function appFor(shared: Shared) {
  app ??= createApp(shared.config, (c) => {
    const counter = (c.env as Record<string, unknown>)[TRIPS] as { trips: number };
    const db = drizzle(countingClient(client!, counter), { schema }) as unknown as Db;
    const ctx = c.executionCtx as ExecutionContext;
    return {
      deps: invocationDeps(c.env as Bindings, { ...shared, db }, (work) => ctx.waitUntil(afterResponse(work))),
      clientIp: c.req.header('cf-connecting-ip') ?? 'unknown',
    };
  });
  return app;
}

export default {
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
    const shared = baseDeps(env);
    // Outside production (dev keys, dev mailbox) a Worker answers on loopback only (wrangler dev).
    if (!shared.config.production && !isLoopbackHost(new URL(request.url).hostname)) {
      return Response.json({ error: { code: 'service_unavailable' } }, { status: 503 });
    }
    const counter = { trips: 0 };
    const response = await appFor(shared).fetch(request, { ...env, [TRIPS]: counter }, ctx as never);
    if (shared.config.production) return response;
    // Outside production: the request's own libSQL round trips, for tests and benchmarks.
    const counted = new Response(response.body, response);
    counted.headers.set('X-DB-Round-Trips', String(counter.trips));
    return counted;
  },

  async scheduled(_event: unknown, env: Bindings, ctx: ExecutionContext): Promise<void> {
    const deps = invocationDeps(env, baseDeps(env), (work) => ctx.waitUntil(afterResponse(work)));
    ctx.waitUntil(runJobs(deps));
  },

  /** The queues' consumer (wrangler.toml [[queues.consumers]]): the bill run's mails, and Email Service's delivery events. */
  async queue(batch: QueueBatch, env: Bindings, ctx: ExecutionContext): Promise<void> {
    const deps = invocationDeps(env, baseDeps(env), (work) => ctx.waitUntil(afterResponse(work)));
    if (batch.queue === deps.config.mailEventsQueue) await consumeDeliveryEvents(deps, batch);
    else await consumeMailBatch(deps, batch);
  },
};
