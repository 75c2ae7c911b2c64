// `npm run db:migrate`: applies the migrations to DATABASE_URL.
import { openDatabase, migrateDatabase } from './database.ts';

const url = process.env.DATABASE_URL || 'file:data/portal.db';
const { client, db } = await openDatabase(url, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(db);
client.close();
console.log(`migrated ${url.replace(/\/\/[^@]*@/, '//')}`);
