// The health check's one statement: the database answers.
import { sql } from 'drizzle-orm';
import type { Db } from '../../ports.ts';

export const ping = (db: Db) => db.run(sql`SELECT 1`);
