// The counter's work: a consumer found by code, name, address or e-mail; the card with the
// account (its address partly hidden for a salter), the bills choice, the PIN lock, the bills, the
// mails and the notes; a locked code unlocked with a reason (the resident's registration then
// works); a pending registration's link sent again; every look-up and action in the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEMO, ROOT, confirmedAccount, makeHarness, registration, snapshot, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { seedDemoBills } from '../../../worker/node/seed.ts';
import { auditRows, staffCall, staffMember } from './steps.ts';
import { backfillSearchKeys } from '../../../worker/src/consumers/search-key.ts';

let h: Harness;
let salter: string;
let admin: string;
beforeEach(async () => {
  // A PIN lock that the total count makes (3 wrong PINs), as 20 would in production.
  h = await makeHarness({ env: { PIN_TOTAL_MAX_FAILURES: '3', PIN_MAX_FAILURES: '10', PIN_DAILY_MAX_FAILURES: '10' } });
  salter = (await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter')).cookie;
  admin = (await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator')).cookie;
});
afterEach(async () => {
  await h.close();
});

describe('search', () => {
  it('finds by code, name, address and e-mail (a salter sees the address partly hidden)', async () => {
    await confirmedAccount(h, { email: 'petra.milic@gmail.com' });
    const byCode = await staffCall(h, 'GET', '/api/staff/consumers?q=104521', undefined, salter);
    expect(byCode.status).toBe(200);
    expect(byCode.body.consumers[0]).toEqual({
      code: '104521',
      name: DEMO.name,
      address: 'Glavna 12, 22400 Ruma',
      email: 'p***@gmail.com',
    });
    const byName = await staffCall(
      h,
      'GET',
      `/api/staff/consumers?q=${encodeURIComponent('petrović')}`,
      undefined,
      salter,
    );
    expect(byName.body.consumers.map((c: { code: string }) => c.code)).toEqual(['104522']);
    const byAddress = await staffCall(h, 'GET', '/api/staff/consumers?q=Partizanska', undefined, salter);
    expect(byAddress.body.consumers.map((c: { code: string }) => c.code)).toEqual(['104530']);
    const byEmail = await staffCall(h, 'GET', '/api/staff/consumers?q=petra.milic', undefined, admin);
    expect(byEmail.body.consumers).toEqual([
      expect.objectContaining({ code: '104521', email: 'petra.milic@gmail.com' }),
    ]);
    // `%` is searched for as itself, not as "anything".
    expect((await staffCall(h, 'GET', '/api/staff/consumers?q=%25%25', undefined, salter)).body.consumers).toEqual([]);
    const log = (await auditRows(h)).filter((e) => e.action === 'consumer.searched');
    expect(log.map((e) => JSON.parse(String(e.detail)).q)).toEqual([
      '104521',
      'petrović',
      'Partizanska',
      'petra.milic',
      '%%',
    ]);
  });

  it('finds a name or an address as a clerk types it: any case, either script, with or without diacritics', async () => {
    const codes = async (q: string) =>
      (
        await staffCall(h, 'GET', `/api/staff/consumers?q=${encodeURIComponent(q)}`, undefined, salter)
      ).body.consumers.map((c: { code: string }) => c.code);
    // Milica Jovanović, and Jovana Jovanovića Zmaja street.
    for (const q of ['jovanovic', 'JOVANOVIĆ', 'Јовановић', 'Jovanović'])
      expect(await codes(q), q).toEqual(['104521', '104528']);
    for (const q of ['djordjevic', 'Đorđević', 'Ђорђевић']) expect(await codes(q), q).toEqual(['104524']);
    for (const q of ['zeleznicka', 'ŽELEZNIČKA', 'Железничка']) expect(await codes(q), q).toEqual(['104523']);
    for (const q of ['strosmajerova', 'Штросмајерова']) expect(await codes(q), q).toEqual(['104527']);
  });

  it('folds the keys of consumers written before them, a batch each time the periodic job runs', async () => {
    await h.deps.db.$client.execute('UPDATE consumers SET search_key = NULL');
    const q = `/api/staff/consumers?q=${encodeURIComponent('Ђорђевић')}`;
    expect((await staffCall(h, 'GET', q, undefined, salter)).body.consumers).toEqual([]);
    // Meanwhile the exact spelling still finds them.
    expect(
      (await staffCall(h, 'GET', '/api/staff/consumers?q=Đorđević', undefined, salter)).body.consumers,
    ).toHaveLength(1);
    expect(await backfillSearchKeys(h.deps.db)).toBeGreaterThan(0);
    expect(await backfillSearchKeys(h.deps.db)).toBe(0);
    expect(
      (await staffCall(h, 'GET', q, undefined, salter)).body.consumers.map((c: { code: string }) => c.code),
    ).toEqual(['104524']);
  });

  it('refuses a query too short to be a search, writing nothing', async () => {
    const before = await snapshot(h);
    const r = await staffCall(h, 'GET', '/api/staff/consumers?q=1', undefined, salter);
    expect(r.status).toBe(422);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('the card', () => {
  it('shows the account, the bills choice and since when, the bills, the mails and the notes', async () => {
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    const { email } = await confirmedAccount(h, { email: 'petra@gmail.com' });
    const note = await staffCall(
      h,
      'POST',
      '/api/staff/consumers/104521/notes',
      { text: 'Zvala 7.12, račun stiže.' },
      salter,
    );
    expect(note.status).toBe(201);
    const r = await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, salter);
    expect(r.status).toBe(200);
    const card = r.body.consumer;
    expect(card.account).toMatchObject({ email: 'p***@gmail.com', state: 'confirmed', delivery: 'email' });
    expect(card.account.deliverySince).toBeTypeOf('number');
    expect(card.pin).toEqual({ locked: false, lockedUntil: null, failures: 0 });
    expect(card.bills.map((b: { period: string }) => b.period)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(card.mails.map((m: { kind: string; status: string }) => [m.kind, m.status])).toContainEqual([
      'confirm',
      'sent',
    ]);
    // A login code in the outbox: its subject is shown without the digits.
    expect((await h.call('POST', '/api/login/code/send', { email })).status).toBe(202);
    const withCode = (await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, salter)).body.consumer;
    const codeMail = withCode.mails.find((m: { kind: string }) => m.kind === 'login-code');
    expect(codeMail.subject).toMatch(/······/);
    expect(codeMail.subject).not.toMatch(/\d{6}/);
    expect(card.notes).toEqual([
      expect.objectContaining({ text: 'Zvala 7.12, račun stiže.', staffName: 'Jelena Šalter' }),
    ]);
    // The administrator sees the whole address.
    const full = await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, admin);
    expect(full.body.consumer.account.email).toBe(email);
    const viewed = (await auditRows(h)).filter((e) => e.action === 'consumer.viewed');
    expect(viewed).toHaveLength(3);
    expect(viewed[0]).toMatchObject({ consumer_code: '104521', account_id: card.account.id });
  });

  it('a pending registration: shown as pending, its link sent again (audited, under the recipient’s cap)', async () => {
    const r = await h.call('POST', '/api/register', registration({ email: 'nova@example.com' }));
    expect(r.status).toBe(202);
    const card = (await staffCall(h, 'GET', `/api/staff/consumers/${DEMO.code}`, undefined, salter)).body.consumer;
    expect(card.account).toMatchObject({ state: 'pending', delivery: 'paper', email: 'n***@example.com' });
    const before = (await h.outbox()).filter((m) => m.kind === 'confirm').length;
    const resent = await staffCall(
      h,
      'POST',
      `/api/staff/consumers/${DEMO.code}/resend-confirmation`,
      { reason: 'stanarka zvala, nije dobila poruku' },
      salter,
    );
    expect(resent.status).toBe(200);
    expect(resent.body.status).toBe('confirmation_sent');
    expect((await h.outbox()).filter((m) => m.kind === 'confirm')).toHaveLength(before + 1);
    // The new link confirms the account.
    const token = await h.linkFrom('confirm', 'nova@example.com');
    expect((await h.call('POST', '/api/confirm', { token })).status).toBe(200);
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'consumer.confirmation_resent',
      consumer_code: DEMO.code,
      reason: 'stanarka zvala, nije dobila poruku',
    });
    // Nothing pending any more: nothing to send.
    const none = await staffCall(
      h,
      'POST',
      `/api/staff/consumers/${DEMO.code}/resend-confirmation`,
      { reason: 'opet' },
      salter,
    );
    expect(none.status).toBe(404);
  });

  it('an unknown code is 404 and a malformed one 422, neither written to the log', async () => {
    const before = await snapshot(h);
    expect((await staffCall(h, 'GET', '/api/staff/consumers/999999', undefined, salter)).status).toBe(404);
    expect((await staffCall(h, 'GET', '/api/staff/consumers/abc', undefined, salter)).status).toBe(422);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('PIN unlock', () => {
  const wrongPin = () => h.call('POST', '/api/register', registration({ pin: '0000', email: 'x@example.com' }));

  it('a locked code: the card says so; unlocked with a reason, the resident registers', async () => {
    for (let i = 0; i < 3; i++) expect((await wrongPin()).status).toBe(400);
    const locked = await wrongPin();
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('consumer_locked');
    const card = (await staffCall(h, 'GET', `/api/staff/consumers/${DEMO.code}`, undefined, salter)).body.consumer;
    expect(card.pin.locked).toBe(true);
    expect(card.pin.failures).toBe(3);
    expect(card.pin.lockedUntil).toBeGreaterThan(h.clock.now);

    // No reason, no unlock (and nothing written).
    const before = await snapshot(h);
    const bare = await staffCall(h, 'POST', `/api/staff/consumers/${DEMO.code}/unlock`, {}, salter);
    expect(bare.status).toBe(422);
    expect(bare.body.error.fields).toEqual({ reason: 'required' });
    expect(await snapshot(h)).toBe(before);

    const r = await staffCall(
      h,
      'POST',
      `/api/staff/consumers/${DEMO.code}/unlock`,
      { reason: 'stanarka na šalteru, lična karta' },
      salter,
    );
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('unlocked');
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'consumer.pin_unlocked',
      consumer_code: DEMO.code,
      reason: 'stanarka na šalteru, lična karta',
    });
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    // Unlocking a code that is not locked says so.
    const again = await staffCall(h, 'POST', '/api/staff/consumers/104522/unlock', { reason: 'provera' }, salter);
    expect(again.body.status).toBe('not_locked');
  });
});
