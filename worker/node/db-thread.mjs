// The entry of the database thread: TypeScript through tsx's loader (a worker thread does not
// inherit the main thread's), then the thread itself (db-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./db-thread.ts');
