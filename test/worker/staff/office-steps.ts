// The administrator's Uvoz and Pregled as the console calls them: a CSV file sent as bytes, calls
// that may leave the work after the answer running (a bill run held at the transport), and the
// tables a call must not change (the audit entry and the session's "last seen" aside).
import { snapshot, type Harness } from '../harness.ts';
import { CONSOLE } from './steps.ts';
export { win1250 } from '../../support/win1250.ts';

export interface OfficeReply {
  status: number;
  body: any;
}

/**
 * A call from the console with the staff cookie: `csv` as the body (`text/csv`, or `type`), or
 * none. `keep`: answer without waiting for the work left for after the answer.
 */
export async function officeCall(
  h: Harness,
  method: string,
  path: string,
  cookie: string | undefined,
  o: { csv?: Uint8Array | string; type?: string; keep?: boolean } = {},
): Promise<OfficeReply> {
  const headers: Record<string, string> = { origin: CONSOLE, 'x-test-ip': '203.0.113.7' };
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET') headers['content-type'] = o.type ?? (o.csv === undefined ? 'application/json' : 'text/csv');
  const res = await h.app.request(path, {
    method,
    headers,
    body: method === 'GET' ? undefined : ((o.csv ?? '{}') as BodyInit),
  });
  const text = await res.text();
  if (!o.keep) await h.settle();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Every table but the audit log and the staff sessions (an audited call writes its entry and touches its session). */
export async function dataSnapshot(h: Harness): Promise<string> {
  const { audit_log: _log, staff_sessions: _sessions, ...data } = JSON.parse(await snapshot(h));
  return JSON.stringify(data);
}

/** The newest audit entry, its detail read. */
export async function lastAudit(h: Harness) {
  const r = (await h.deps.db.$client.execute('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0];
  return { ...r, detail: r.detail === null ? null : JSON.parse(String(r.detail)) };
}
