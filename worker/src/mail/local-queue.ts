// The MailQueue of a process without a platform queue (Node, or a Worker deployed without the
// queue binding): a push starts one drain of the outbox after the response, MAIL_CONCURRENCY
// mails at once; a push during a drain makes it look again when it is done. Nothing is held in
// memory that is not in the outbox, so a crash loses nothing: the next start drains again.
import type { Deps, MailQueue } from '../ports.ts';
import { drainOutbox } from './outbox.ts';

export function localMailQueue(deps: () => Deps): MailQueue {
  let running = false;
  let again = false;
  return {
    async push() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      deps().defer(async () => {
        try {
          do {
            again = false;
            await drainOutbox(deps());
          } while (again);
        } finally {
          running = false;
        }
      });
    },
  };
}
