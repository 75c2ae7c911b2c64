// GET /api/health and, in development only, GET /api/dev/outbox.
import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import { listOutbox } from '../mail/outbox.ts';
import type { AppContext } from '../app.ts';

export function health({ deps }: AppContext) {
  return async (c: Context) => {
    await deps.db.run(sql`SELECT 1`);
    return c.json({ status: 'ok' }, 200);
  };
}

export function devOutbox({ deps }: AppContext) {
  return async (c: Context) => c.json({ mails: await listOutbox(deps.db) }, 200);
}
