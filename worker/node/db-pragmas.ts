// The settings of every connection to a libSQL file, the main one (database.ts) and the database
// thread's (db-thread.ts) alike: WAL lets readers work beside the writer; the timeout rides out a
// second process (importer, cron) or connection (the database thread); WAL with synchronous=NORMAL:
// no fsync per commit (a power cut may lose the last transactions, never consistency), the usual
// setting for WAL; foreign keys enforced.
export const connectionPragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
];
