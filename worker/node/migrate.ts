// `npm run db:migrate`: applies the migrations to DATABASE_URL (by default the chosen utility's
// own file, utility-root.ts).
import { openDatabase, migrateDatabase } from './database.ts';
import { databaseUrl } from './utility-root.ts';

const url = databaseUrl();
const { client, db } = await openDatabase(url, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(db);
client.close();
console.log(`migrated ${url.replace(/\/\/[^@]*@/, '//')}`);
