// Node: bill mails (the PDF, the QR code) drawn in worker threads, so that a bill run uses every
// core while the main thread serves requests, reads the database and talks to MailChannels.
// RENDER_THREADS threads (default: as many as the cores); a task goes to the
// thread with the fewest in hand; a thread that dies fails its tasks (the outbox retries them)
// and is replaced.
import { Worker } from 'node:worker_threads';
import type { Offload } from '../src/ports.ts';

interface Thread {
  worker: Worker;
  pending: Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>;
}

export function renderPool(
  size: number,
  env: Record<string, string | undefined>,
): Offload & { close(): Promise<void> } {
  let next = 0;
  let closed = false;
  const threads: Thread[] = [];
  const spawnThread = (slot: number) => {
    const worker = new Worker(new URL('./render-thread.mjs', import.meta.url), { workerData: { env } });
    worker.unref();
    const t: Thread = { worker, pending: new Map() };
    worker.on('message', (m: { id: number; out?: unknown; error?: string }) => {
      const p = t.pending.get(m.id);
      t.pending.delete(m.id);
      if (m.error === undefined) p?.ok(m.out);
      else p?.fail(new Error(m.error));
    });
    const lost = (why: unknown) => {
      for (const p of t.pending.values()) p.fail(new Error(`render thread stopped: ${String(why)}`));
      t.pending.clear();
      if (!closed && threads[slot] === t) spawnThread(slot);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    threads[slot] = t;
  };
  for (let i = 0; i < size; i++) spawnThread(i);
  return {
    run<T>(task: string, input: unknown) {
      const t = threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = next++;
      return new Promise<T>((ok, fail) => {
        t.pending.set(id, { ok: ok as (v: unknown) => void, fail });
        t.worker.postMessage({ id, task, input });
      });
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
