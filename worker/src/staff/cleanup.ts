// The office's share of the periodic cleanup: staff sessions past their idle or absolute time,
// staff passkey challenges past their 5 minutes, invitations a month after they were used or
// expired (the audit log keeps who invited whom). Never the audit log. Called by the periodic
// job beside cleanup.ts (docs/office.md).
import type { Deps } from '../ports.ts';
import { STAFF_IDLE_MS } from './sessions.ts';

const MONTH = 30 * 24 * 3600_000;

export async function staffCleanup(deps: Pick<Deps, 'db' | 'now'>) {
  const now = deps.now();
  const [sessions, challenges, invitations] = await deps.db.$client.batch(
    [
      {
        sql: 'DELETE FROM staff_sessions WHERE expires_at <= ? OR last_seen_at <= ?',
        args: [now, now - STAFF_IDLE_MS],
      },
      { sql: 'DELETE FROM staff_challenges WHERE expires_at <= ?', args: [now] },
      {
        sql: 'DELETE FROM staff_invitations WHERE COALESCE(used_at, expires_at) < ?',
        args: [now - MONTH],
      },
    ],
    'write',
  );
  return {
    sessions: sessions.rowsAffected,
    challenges: challenges.rowsAffected,
    invitations: invitations.rowsAffected,
  };
}
