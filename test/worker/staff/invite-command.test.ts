// `npm run staff:invite -- EMAIL administrator`: the first administrator. The command prints the
// one-time link (`/kancelarija/#poziv=TOKEN`), queues the mail through the outbox (in
// development it is in the dev mailbox), and the link enrols a passkey.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ROOT, makeHarness, snapshot, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { CONSOLE, auditRows, enrol, staffCall } from './steps.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const run = promisify(execFile);
const invite = (...args: string[]) =>
  run(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'worker/node/staff-invite.ts'), ...args],
    {
      cwd: ROOT,
      // The command is production unless told otherwise (it would want the production secrets).
      env: {
        ...process.env,
        APP_ENV: 'development',
        PORTAL_URL: 'http://localhost:8787/',
        DATABASE_URL: `file:${h.dbFile}`,
        FILES_DIR: join(h.dbFile, '..', 'files'),
      },
    },
  ).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

describe('npm run staff:invite', () => {
  it('prints the link, mails it (the dev mailbox), and the link makes the first administrator', async () => {
    const r = await invite('ana@komunalac.rs', 'administrator', 'Ana', 'Admin');
    expect(r.code, r.stderr).toBe(0);
    const link = r.stdout.match(/^(http\S+)$/m)?.[1] ?? '';
    expect(link).toMatch(new RegExp(`^${CONSOLE}/kancelarija/#poziv=[A-Za-z0-9_-]{43}$`));
    const token = link.split('#poziv=')[1];

    // The mail, in the dev mailbox, carries the same link; only its hash is stored.
    const mailbox = await h.call('GET', '/api/dev/outbox');
    const mail = mailbox.body.mails.find((m: { kind: string }) => m.kind === 'staff_invite');
    expect(mail).toMatchObject({ to: 'ana@komunalac.rs' });
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Poštovani Ana Admin,');
    const stored = await h.deps.db.$client.execute('SELECT hash, role FROM staff_invitations');
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].role).toBe('administrator');
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    expect((await auditRows(h))[0]).toMatchObject({ action: 'staff.invited', staff_id: null, ip: 'cli' });

    const enrolled = await enrol(h, softAuthenticator(), token);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.staff).toMatchObject({ email: 'ana@komunalac.rs', name: 'Ana Admin', role: 'administrator' });
    expect((await staffCall(h, 'GET', '/api/staff/members', undefined, enrolled.staffCookie)).status).toBe(200);
  }, 60_000);

  it('refuses a wrong role or address (exit 2), writing nothing', async () => {
    const before = await snapshot(h);
    expect((await invite('ana@komunalac.rs', 'boss')).code).toBe(2);
    expect((await invite('not-an-address', 'salter')).code).toBe(2);
    expect(await snapshot(h)).toBe(before);
  }, 60_000);
});
