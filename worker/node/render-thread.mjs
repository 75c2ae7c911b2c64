// The entry of a render thread: TypeScript through tsx's loader (a worker thread does not inherit
// the main thread's), then the thread itself (render-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./render-thread.ts');
