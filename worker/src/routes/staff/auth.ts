// The office's way in (docs/office.md), passkeys only:
// - POST /api/staff/invitation/options {token} and POST /api/staff/invitation {token, response}:
//   an invitation enrols the staff member's first passkey and opens a session. An invitation to
//   an address that is staff already (a lost passkey) replaces their passkeys, ends their
//   sessions (the version moves on) and enables them again, with the invitation's role.
// - POST /api/staff/login/options and POST /api/staff/login {response}.
// - Under a session: GET /api/staff/me, POST /api/staff/logout, POST /api/staff/passkeys/options
//   and POST /api/staff/passkeys (a further passkey).
// Challenges are counted first per address (each call writes a row). The invitation is used in
// one write transaction: of any number of requests presenting it, one enrols.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Context } from 'hono';
import { readBody } from '../../http/body.ts';
import { fail, refusedError } from '../../http/errors.ts';
import { reserve } from '../../auth/throttle.ts';
import { randomId, sha256Hex } from '../../auth/crypto.ts';
import type { Ctx } from '../../env.ts';
import type { StaffCtx } from '../../staff/env.ts';
import { staffRules } from '../../staff/limits.ts';
import { auditInsert, audited } from '../../staff/audit.ts';
import { clearStaffCookie, endSessionStatement, newStaffSession, setStaffCookie } from '../../staff/sessions.ts';
import {
  challengeFresh,
  newStaffChallenge,
  staffLoginOptions,
  staffRegistrationOptions,
  takeStaffChallenge,
  verifyStaffLogin,
  verifyStaffRegistration,
} from '../../staff/webauthn.ts';
import {
  enrolStatements,
  insertStaffPasskey,
  invitationWithStaff,
  openInvitation,
  recordStaffPasskeyUse,
  staffByEmail,
  staffPasskeyWithStaff,
  staffPasskeysOf,
} from '../../db/statements/staff.ts';
import {
  officeSchemas,
  type OfficeStatusAnswer,
  type StaffAnswer,
  type StaffPasskeyAddedAnswer,
  type StaffRole,
} from '../../../../contract/office.ts';
import type { PasskeyOptionsAnswer } from '../../../../contract/responses.ts';

const schemas = officeSchemas();
const invalidInvitation = () => fail('invalid_token');
const loginRefused = () => fail('passkey_failed');
const userAgentOf = (c: Context) => c.req.header('user-agent')?.slice(0, 300) ?? null;

async function countChallenge(c: Ctx) {
  const { deps, clientIp } = c.var;
  const r = await reserve(deps, [staffRules.challenge(clientIp)]);
  if (r.refusal) throw refusedError(r.refusal);
}

export async function invitationOptions(c: Ctx) {
  const { deps } = c.var;
  const input = await readBody(c, schemas.invitationOptions);
  const hash = await sha256Hex(input.token);
  const inv = (await deps.db.$client.execute(openInvitation(hash, deps.now()))).rows[0];
  if (!inv) throw invalidInvitation();
  await countChallenge(c);
  // A staff member invited again keeps their id (their user handle); a new one gets it now.
  const found = (await deps.db.$client.execute(staffByEmail(String(inv.email)))).rows[0];
  const member = {
    id: found ? String(found.id) : randomId(deps.randomBytes),
    email: String(inv.email),
    name: String(inv.name),
  };
  const { challenge, insert } = await newStaffChallenge(deps, 'invite', { staffId: member.id, invitationHash: hash });
  await deps.db.$client.execute(insert);
  const options = await staffRegistrationOptions(deps, member, challenge, []);
  return c.json({ options: { ...options } } satisfies PasskeyOptionsAnswer, 200);
}

export async function acceptInvitation(c: Ctx) {
  const { deps, clientIp } = c.var;
  const input = await readBody(c, schemas.acceptInvitation);
  const response = input.response as RegistrationResponseJSON;
  const hash = await sha256Hex(input.token);
  const taking = await takeStaffChallenge(response.response.clientDataJSON, 'invite');
  if (!taking) throw fail('passkey_failed', { status: 400 });
  // Round trip 1: the challenge taken (single use, whatever the answer) and the invitation read.
  const [taken, open] = await deps.db.$client.batch([taking.take, invitationWithStaff(hash, deps.now())], 'write');
  const challenge = taken.rows[0];
  if (!challengeFresh(challenge, deps.now()) || challenge.invitation_hash !== hash)
    throw fail('passkey_failed', { status: 400 });
  const inv = open.rows[0];
  if (!inv) throw invalidInvitation();
  const staffId = String(challenge.staff_id);
  // The options named this staff member: anyone else with the address now is refused.
  if (inv.staff_id !== null && String(inv.staff_id) !== staffId) throw invalidInvitation();
  const credential = await verifyStaffRegistration(deps, response, taking.challenge);
  if (!credential) throw fail('passkey_failed', { status: 400 });

  // Round trip 2: one batch, applied for exactly one request however many present the invitation.
  const now = deps.now();
  const email = String(inv.email);
  const role = String(inv.role) as StaffRole;
  const enrol = enrolStatements({
    invitationHash: hash,
    staffId,
    email,
    name: String(inv.name),
    role,
    again: inv.staff_id !== null,
    passkey: { ...credential, staffId, userAgent: userAgentOf(c), createdAt: now },
    now,
  });
  const session = await newStaffSession(deps, staffId, c.req.header('user-agent'));
  const results = await deps.db.$client.batch(
    [
      ...enrol.statements,
      session.start(enrol.won, enrol.wonArgs),
      auditInsert(
        deps,
        clientIp,
        staffId,
        {
          action: 'staff.invitation_accepted',
          detail: { email, role, invitedBy: inv.invited_by, again: inv.staff_id !== null },
        },
        enrol.won,
        enrol.wonArgs,
      ),
    ],
    'write',
  );
  if (results[2].rowsAffected !== 1) throw invalidInvitation();
  setStaffCookie(c, deps, session.token);
  return c.json({ staff: { id: staffId, email, name: String(inv.name), role } } satisfies StaffAnswer, 201);
}

export async function loginOptions(c: Ctx) {
  const { deps } = c.var;
  await countChallenge(c);
  const { challenge, insert } = await newStaffChallenge(deps, 'login');
  await deps.db.$client.execute(insert);
  const options = await staffLoginOptions(deps, challenge);
  return c.json({ options: { ...options } } satisfies PasskeyOptionsAnswer, 200);
}

export async function login(c: Ctx) {
  const { deps, clientIp } = c.var;
  const input = await readBody(c, schemas.login);
  const response = input.response as AuthenticationResponseJSON;
  const taking = await takeStaffChallenge(response.response.clientDataJSON, 'login');
  if (!taking) throw loginRefused();
  const [taken, found] = await deps.db.$client.batch([taking.take, staffPasskeyWithStaff(response.id)], 'write');
  const row = found.rows[0];
  if (!challengeFresh(taken.rows[0], deps.now()) || !row) throw loginRefused();
  const staffId = String(row.id);
  const use = await verifyStaffLogin(deps, response, taking.challenge, {
    id: response.id,
    staffId,
    publicKey: String(row.public_key),
    counter: Number(row.counter),
    transports: row.transports === null ? null : String(row.transports),
  });
  if (!use) throw loginRefused();
  const session = await newStaffSession(deps, staffId, c.req.header('user-agent'));
  // The use only with a counter that moved forward; the session only after it; the entry only after the session.
  const [, inserted] = await deps.db.$client.batch(
    [
      recordStaffPasskeyUse(response.id, use.counter, use.backedUp, deps.now()),
      session.start('changes() = 1'),
      auditInsert(
        deps,
        clientIp,
        staffId,
        { action: 'staff.login', detail: { passkey: response.id } },
        'changes() = 1',
      ),
    ],
    'write',
  );
  if (inserted.rowsAffected !== 1) throw loginRefused();
  setStaffCookie(c, deps, session.token);
  return c.json(
    {
      staff: { id: staffId, email: String(row.email), name: String(row.name), role: String(row.role) as StaffRole },
    } satisfies StaffAnswer,
    200,
  );
}

export async function me(c: StaffCtx) {
  await audited(c, { action: 'staff.me' });
  return c.json({ staff: c.var.staffSession.staff } satisfies StaffAnswer, 200);
}

export async function logout(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  await audited(c, { action: 'staff.logout' }, [endSessionStatement(staffSession.hash)]);
  clearStaffCookie(c, deps);
  return c.json({ status: 'logged_out' } satisfies OfficeStatusAnswer, 200);
}

export async function passkeyOptions(c: StaffCtx) {
  const { deps, clientIp, staffSession } = c.var;
  const r = await reserve(deps, [staffRules.challenge(clientIp)]);
  if (r.refusal) throw refusedError(r.refusal);
  const { staff } = staffSession;
  const { challenge, insert } = await newStaffChallenge(deps, 'register', {
    staffId: staff.id,
    sessionHash: staffSession.hash,
  });
  await audited(c, { action: 'staff.passkey_options' }, [insert]);
  const options = await staffRegistrationOptions(deps, staff, challenge, await staffPasskeysOf(deps.db, staff.id));
  return c.json({ options: { ...options } } satisfies PasskeyOptionsAnswer, 200);
}

export async function addPasskey(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  const input = await readBody(c, schemas.addPasskey);
  const response = input.response as RegistrationResponseJSON;
  const refused = () => fail('passkey_failed', { status: 400 });
  const taking = await takeStaffChallenge(response.response.clientDataJSON, 'register');
  if (!taking) throw refused();
  const taken = (await deps.db.$client.execute(taking.take)).rows[0];
  const owned =
    challengeFresh(taken, deps.now()) &&
    taken.staff_id === staffSession.staff.id &&
    taken.session_hash === staffSession.hash &&
    Number(taken.current) === 1;
  if (!owned) throw refused();
  const credential = await verifyStaffRegistration(deps, response, taking.challenge);
  if (!credential) throw refused();
  const [added] = await audited(c, { action: 'staff.passkey_added', detail: { passkey: credential.id } }, [
    insertStaffPasskey({
      ...credential,
      staffId: staffSession.staff.id,
      userAgent: userAgentOf(c),
      createdAt: deps.now(),
    }),
  ]);
  if (added.rowsAffected !== 1) throw refused();
  return c.json({ status: 'added', id: credential.id } satisfies StaffPasskeyAddedAnswer, 201);
}
