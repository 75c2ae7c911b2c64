// The adapters an entry point hands to the app: everything that differs between
// Node and workerd, or that tests need to control.
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Client } from '@libsql/client';
import type * as schema from './db/schema.ts';
import type { Config } from './config.ts';
import type { PdfFonts } from './bills/pdf/bill.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(phc: string, password: string): Promise<boolean>;
}

export interface MailAttachment {
  filename: string;
  type: string;
  /** base64 */
  content: string;
  /** Set for a part shown inside the HTML (`<img src="cid:…">`): sent inline with this Content-ID. */
  contentId?: string;
}

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/** Delivers one mail or throws; a throw is retried later by the outbox. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  /** Closes pooled connections (SMTP) at shutdown. */
  close?(): void;
}

/** Where the deployment keeps files (bill PDFs): a local folder on Node, R2 on Workers. */
export interface FileStore {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/**
 * Hands outbox mails to whoever sends them: a Cloudflare Queue on Workers, the process's own
 * bounded sender on Node. The mails are in the outbox already, so a hand-over that is lost loses
 * nothing: the periodic job hands over whatever is still due.
 */
export interface MailQueue {
  /** `ids`: mails just written (a bill import); none: every mail that is due (the periodic safety net). */
  push(ids?: string[]): Promise<void>;
}

/**
 * Runs CPU-heavy pure work off the thread that serves requests (Node: worker threads, so a bill
 * run uses every core and requests stay quick); absent, it runs in line. `task` names a function
 * the entry's threads know (worker/node/render-pool.ts); input and answer are structured-cloneable.
 */
export interface Offload {
  run<T>(task: string, input: unknown): Promise<T>;
}

export interface Deps {
  config: Config;
  db: Db;
  hasher: PasswordHasher;
  mail: MailTransport;
  mailQueue: MailQueue;
  offload?: Offload;
  files: FileStore;
  /** The TrueType fonts for generated PDFs (DejaVu Sans: Serbian Latin and Cyrillic). */
  fonts: () => Promise<PdfFonts>;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
  /** Starts work after the response (ctx.waitUntil on Workers, a tracked task on Node). */
  defer: (work: () => Promise<unknown>) => void;
  log: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}
