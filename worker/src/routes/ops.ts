// GET /api/health and, in development only, GET /api/dev/outbox.
import { ping } from '../db/statements/health.ts';
import { listOutbox } from '../mail/outbox.ts';
import type { Ctx } from '../env.ts';

export async function health(c: Ctx) {
  await ping(c.var.deps.db);
  return c.json({ status: 'ok' }, 200);
}

export async function devOutbox(c: Ctx) {
  return c.json({ mails: await listOutbox(c.var.deps.db) }, 200);
}
