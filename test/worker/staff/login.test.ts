// Staff log in with passkeys only: an invitation enrols the first, a login uses it, a second can
// be added; sessions have their own cookie, 30 minutes idle and 12 hours at most; a disabled
// staff member's sessions end; a new invitation replaces a lost passkey.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { CONSOLE, auditRows, enrol, invitation, staffCall, staffLogin, staffMember } from './steps.ts';
import { STAFF_ABSOLUTE_MS, STAFF_IDLE_MS } from '../../../worker/src/staff/sessions.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const count = async (table: string) =>
  Number((await h.deps.db.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe('invitation → passkey → session', () => {
  it('enrols the first passkey, opens a staff session in its own cookie, and the invitation is spent', async () => {
    const auth = softAuthenticator();
    const token = await invitation(h, 'ana@komunalac.rs', 'administrator', 'Ana Admin');
    const r = await enrol(h, auth, token);
    expect(r.status).toBe(201);
    expect(r.body.staff).toMatchObject({ email: 'ana@komunalac.rs', name: 'Ana Admin', role: 'administrator' });
    const line = r.headers.getSetCookie().find((l) => l.startsWith('jp_staff='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    // Not the residents' session cookie.
    expect(r.cookie).toBeUndefined();
    const me = await staffCall(h, 'GET', '/api/staff/me', undefined, r.staffCookie);
    expect(me.status).toBe(200);
    expect(me.body.staff.role).toBe('administrator');
    // Single use: the same invitation again is refused, from its options on.
    const again = await staffCall(h, 'POST', '/api/staff/invitation/options', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
    expect(await count('staff')).toBe(1);
    expect(await count('staff_passkeys')).toBe(1);
    const log = await auditRows(h);
    expect(log.map((e) => e.action)).toEqual(['staff.invitation_accepted', 'staff.me']);
  });

  it('refuses an expired invitation, and one presented with another invitation’s challenge', async () => {
    const auth = softAuthenticator();
    const token = await invitation(h, 'bojan@komunalac.rs', 'salter');
    h.clock.advance(h.deps.config.confirmTtlMs + 1);
    const late = await staffCall(h, 'POST', '/api/staff/invitation/options', { token });
    expect(late.status).toBe(400);

    const a = await invitation(h, 'a@komunalac.rs', 'salter');
    const b = await invitation(h, 'b@komunalac.rs', 'administrator');
    const opts = await staffCall(h, 'POST', '/api/staff/invitation/options', { token: a });
    const response = await auth.createCredential(opts.body.options, CONSOLE);
    const swapped = await staffCall(h, 'POST', '/api/staff/invitation', { token: b, response });
    expect(swapped.status).toBe(400);
    expect(swapped.body.error.code).toBe('passkey_failed');
    expect(await count('staff')).toBe(0);
  });

  it('of several requests presenting one invitation at once, exactly one enrols', async () => {
    const token = await invitation(h, 'ana@komunalac.rs', 'salter');
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const auth = softAuthenticator();
        const opts = await staffCall(h, 'POST', '/api/staff/invitation/options', { token });
        return { auth, response: await auth.createCredential(opts.body.options, CONSOLE) };
      }),
    ).then((made) =>
      Promise.all(made.map(({ response }) => staffCall(h, 'POST', '/api/staff/invitation', { token, response }))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 400, 400, 400]);
    expect(await count('staff')).toBe(1);
    expect(await count('staff_passkeys')).toBe(1);
    expect(await count('staff_sessions')).toBe(1);
    expect((await auditRows(h)).filter((e) => e.action === 'staff.invitation_accepted')).toHaveLength(1);
  });

  it("accepts a staff passkey only from the console's origin, never from a residents' site", async () => {
    const auth = softAuthenticator();
    const token = await invitation(h, 'c@komunalac.rs', 'salter');
    const r = await enrol(h, auth, token, {}, 'http://127.0.0.1:8787');
    expect(r.status).toBe(400);
    expect(await count('staff')).toBe(0);
  });

  it('refuses a passkey without user verification', async () => {
    const r = await enrol(h, softAuthenticator(), await invitation(h, 'd@komunalac.rs', 'salter'), { uv: false });
    expect(r.status).toBe(400);
    expect(await count('staff_passkeys')).toBe(0);
  });
});

describe('login by passkey', () => {
  it('logs in with the enrolled passkey (audited), and a resident passkey login knows nothing of it', async () => {
    const auth = softAuthenticator();
    await staffMember(h, auth, 'ana@komunalac.rs', 'salter');
    const r = await staffLogin(h, auth);
    expect(r.status).toBe(200);
    expect(r.body.staff.email).toBe('ana@komunalac.rs');
    expect(r.staffCookie).toBeDefined();
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'staff.login', staff_id: r.body.staff.id });
    // The residents' login does not take a staff passkey.
    const opts = await h.call('POST', '/api/passkey/login/options');
    const resident = await h.call('POST', '/api/passkey/login', {
      response: await auth.getAssertion(opts.body.options, CONSOLE),
    });
    expect(resident.status).toBe(401);
  });

  it('refuses a counter that went back (a cloned key), and an unknown passkey', async () => {
    const auth = softAuthenticator();
    await staffMember(h, auth, 'ana@komunalac.rs', 'salter');
    expect((await staffLogin(h, auth, { counter: 5 })).status).toBe(200);
    expect((await staffLogin(h, auth, { counter: 3 })).status).toBe(401);
    const stranger = softAuthenticator();
    await stranger.createCredential(
      {
        challenge: 'x'.repeat(43),
        rp: { id: 'localhost', name: 'x' },
        user: { id: 'dGVzdA', name: 'x', displayName: 'x' },
      },
      CONSOLE,
    );
    expect((await staffLogin(h, stranger)).status).toBe(401);
  });

  it('adds a second passkey in a session, and either logs in', async () => {
    const first = softAuthenticator();
    const { cookie } = await staffMember(h, first, 'ana@komunalac.rs', 'salter');
    const second = softAuthenticator();
    const opts = await staffCall(h, 'POST', '/api/staff/passkeys/options', {}, cookie);
    expect(opts.status).toBe(200);
    // The first is excluded: an authenticator cannot enrol twice.
    expect(opts.body.options.excludeCredentials).toHaveLength(1);
    const response = await second.createCredential(opts.body.options, CONSOLE);
    const added = await staffCall(h, 'POST', '/api/staff/passkeys', { response }, cookie);
    expect(added.status).toBe(201);
    expect(await count('staff_passkeys')).toBe(2);
    expect((await staffLogin(h, second)).status).toBe(200);
    expect((await staffLogin(h, first)).status).toBe(200);
    const actions = (await auditRows(h)).map((e) => e.action);
    expect(actions).toContain('staff.passkey_options');
    expect(actions).toContain('staff.passkey_added');
  });

  it("a passkey challenge of one session cannot be used by another's", async () => {
    const auth = softAuthenticator();
    const a = await staffMember(h, auth, 'ana@komunalac.rs', 'salter');
    const b = await staffMember(h, softAuthenticator(), 'bojan@komunalac.rs', 'salter');
    const opts = await staffCall(h, 'POST', '/api/staff/passkeys/options', {}, a.cookie);
    const response = await softAuthenticator().createCredential(opts.body.options, CONSOLE);
    const r = await staffCall(h, 'POST', '/api/staff/passkeys', { response }, b.cookie);
    expect(r.status).toBe(400);
  });
});

describe('session lifetime (the harness clock)', () => {
  it('ends after 30 minutes idle; each call keeps it alive', async () => {
    const { cookie } = await staffMember(h, softAuthenticator(), 'ana@komunalac.rs', 'salter');
    h.clock.advance(STAFF_IDLE_MS - 60_000);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(200);
    h.clock.advance(STAFF_IDLE_MS - 60_000);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(200);
    h.clock.advance(STAFF_IDLE_MS + 1);
    const r = await staffCall(h, 'GET', '/api/staff/me', undefined, cookie);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
  });

  it('ends 12 hours after the login however busy', async () => {
    const { cookie } = await staffMember(h, softAuthenticator(), 'ana@komunalac.rs', 'salter');
    let t = 0;
    while (t + 20 * 60_000 < STAFF_ABSOLUTE_MS) {
      h.clock.advance(20 * 60_000);
      t += 20 * 60_000;
      expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(200);
    }
    h.clock.advance(STAFF_ABSOLUTE_MS - t);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const { cookie } = await staffMember(h, softAuthenticator(), 'ana@komunalac.rs', 'salter');
    const out = await staffCall(h, 'POST', '/api/staff/logout', {}, cookie);
    expect(out.status).toBe(200);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(401);
  });

  it("the residents' session cookie opens nothing in the office", async () => {
    const r = await staffCall(h, 'GET', '/api/staff/me', undefined, 'jp_session=' + 'a'.repeat(43));
    expect(r.status).toBe(401);
  });
});

describe('disabling and a new invitation', () => {
  it("a disabled staff member's sessions end and the passkey no longer logs in", async () => {
    const adminAuth = softAuthenticator();
    const admin = await staffMember(h, adminAuth, 'ana@komunalac.rs', 'administrator');
    const clerkAuth = softAuthenticator();
    const clerk = await staffMember(h, clerkAuth, 'bojan@komunalac.rs', 'salter');
    const r = await staffCall(
      h,
      'POST',
      `/api/staff/members/${clerk.id}/disable`,
      { reason: 'otišao iz preduzeća' },
      admin.cookie,
    );
    expect(r.status).toBe(200);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, clerk.cookie)).status).toBe(401);
    expect((await staffLogin(h, clerkAuth)).status).toBe(401);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'staff.disabled', reason: 'otišao iz preduzeća' });
    // Nobody disables themselves (an administrator always remains).
    const self = await staffCall(
      h,
      'POST',
      `/api/staff/members/${admin.id}/disable`,
      { reason: 'probam' },
      admin.cookie,
    );
    expect(self.status).toBe(403);
  });

  it('a lost passkey: another administrator invites again; the old passkey and sessions are gone', async () => {
    const admin = await staffMember(h, softAuthenticator(), 'ana@komunalac.rs', 'administrator');
    const lost = softAuthenticator();
    const clerk = await staffMember(h, lost, 'bojan@komunalac.rs', 'salter');
    const inv = await staffCall(
      h,
      'POST',
      '/api/staff/invitations',
      { email: 'bojan@komunalac.rs', name: 'Bojan', role: 'salter' },
      admin.cookie,
    );
    expect(inv.status).toBe(201);
    const token = String(inv.body.link).split('#poziv=')[1];
    expect(inv.body.link).toBe(`${CONSOLE}/kancelarija/#poziv=${token}`);
    const fresh = softAuthenticator();
    const r = await enrol(h, fresh, token);
    expect(r.status).toBe(201);
    expect(r.body.staff.id).toBe(clerk.id);
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, clerk.cookie)).status).toBe(401);
    expect((await staffLogin(h, lost)).status).toBe(401);
    expect((await staffLogin(h, fresh)).status).toBe(200);
    // One's own invitation is refused: a lost passkey is another administrator's to replace.
    const own = await staffCall(
      h,
      'POST',
      '/api/staff/invitations',
      { email: 'ana@komunalac.rs', name: 'Ana', role: 'administrator' },
      admin.cookie,
    );
    expect(own.status).toBe(403);
  });
});
