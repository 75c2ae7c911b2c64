// The office's ceremonies as the console runs them, against the test harness: an invitation
// written as the command line writes it, the first passkey enrolled from it, a passkey login, and
// calls with the staff cookie from the console's own origin.
import type { Harness, Reply } from '../harness.ts';
import type { CeremonyOptions, SoftAuthenticator } from '../../support/soft-authenticator.ts';
import { invitationStatements } from '../../../worker/src/staff/invitations.ts';
import type { StaffRole } from '../../../contract/office.ts';

/** The console's origin: API_URL (the harness's portal origin). */
export const CONSOLE = 'http://localhost:8787';

export interface StaffReply extends Reply {
  /** The staff cookie as a request sends it (`jp_staff=…`), when the answer set one. */
  staffCookie?: string;
}

/** A call from the console: its origin, and the staff cookie when given. */
export async function staffCall(
  h: Harness,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<StaffReply> {
  const r = await h.call(method, path, body, {
    headers: { origin: CONSOLE, ...headers, ...(cookie ? { cookie } : {}) },
  });
  const line = r.headers.getSetCookie().find((l) => /^(__Host-)?jp_staff=/.test(l));
  return { ...r, staffCookie: line?.split(';')[0] };
}

/** An invitation as `npm run staff:invite` writes it; returns its token. */
export async function invitation(h: Harness, email: string, role: StaffRole, name = 'Jelena Šalter') {
  const inv = await invitationStatements(h.deps, { email, name, role, invitedBy: null });
  await h.deps.db.$client.batch(inv.statements, 'write');
  return inv.token;
}

/** Accepts an invitation with a new passkey of `auth`: the reply carries the staff cookie. */
export async function enrol(
  h: Harness,
  auth: SoftAuthenticator,
  token: string,
  o: CeremonyOptions = {},
  origin = CONSOLE,
) {
  const opts = await staffCall(h, 'POST', '/api/staff/invitation/options', { token });
  if (opts.status !== 200) throw new Error(`invitation options: ${opts.status} ${JSON.stringify(opts.body)}`);
  const response = await auth.createCredential(opts.body.options, origin, o);
  return staffCall(h, 'POST', '/api/staff/invitation', { token, response });
}

/** A staff member enrolled from a fresh invitation; returns the cookie. */
export async function staffMember(h: Harness, auth: SoftAuthenticator, email: string, role: StaffRole) {
  const r = await enrol(h, auth, await invitation(h, email, role));
  if (r.status !== 201 || !r.staffCookie) throw new Error(`enrol: ${r.status} ${JSON.stringify(r.body)}`);
  return { cookie: r.staffCookie, id: String(r.body.staff.id) };
}

/** A whole staff passkey login. */
export async function staffLogin(h: Harness, auth: SoftAuthenticator, o: CeremonyOptions = {}, origin = CONSOLE) {
  const opts = await staffCall(h, 'POST', '/api/staff/login/options');
  if (opts.status !== 200) throw new Error(`login options: ${opts.status} ${JSON.stringify(opts.body)}`);
  const response = await auth.getAssertion(opts.body.options, origin, o);
  return staffCall(h, 'POST', '/api/staff/login', { response });
}

/** The audit log, oldest first, as rows. */
export async function auditRows(h: Harness) {
  return (await h.deps.db.$client.execute('SELECT * FROM audit_log ORDER BY id')).rows.map((r) => ({ ...r }));
}
