// POST /api/passkey/login/options and POST /api/passkey/login: a login with a passkey, no e-mail
// typed (the credential names the account). Options are counted first per address, since each
// call writes a challenge row. The verification costs two libSQL round trips: one batch takes the
// challenge (single use, whatever the answer) and reads the passkey with its account; one batch
// records the use (only with a counter that moved forward) and, only then, inserts the session.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { fail, refusedError } from '../http/errors.ts';
import { reserve, clearStatement } from '../auth/throttle.ts';
import { accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import { setDeviceCookie } from '../auth/device-cookie.ts';
import { newChallenge, challengeHolds, takeChallengeOf } from '../auth/webauthn-challenges.ts';
import { loginOptions, verifyLogin } from '../auth/passkeys.ts';
import { passkeyWithAccount, recordUse } from '../db/statements/passkeys.ts';
import type { Ctx } from '../env.ts';
import type { AccountAnswer, PasskeyOptionsAnswer } from '../../../contract/responses.ts';

export async function passkeyLoginOptions(c: Ctx) {
  const { deps, limits, clientIp } = c.var;
  const { challenge, insert } = await newChallenge(deps, 'login');
  // The row is written only when the address still has room.
  const r = await reserve(deps, [limits.passkeyOptions(clientIp)]);
  if (r.refusal) throw refusedError(r.refusal);
  await deps.db.$client.execute(insert);
  const options = await loginOptions(deps, challenge);
  return c.json({ options: { ...options } } satisfies PasskeyOptionsAnswer, 200);
}

const refused = () => fail('passkey_failed');

export async function passkeyLogin(c: Ctx<'passkeyLogin'>) {
  const { deps, limits } = c.var;
  const { db } = deps;
  const input = c.req.valid('json');
  const response = input.response as AuthenticationResponseJSON;
  const taking = await takeChallengeOf(response.response.clientDataJSON, 'login');
  if (!taking) throw refused();

  // Round trip 1: the challenge taken (gone for everyone else) and the passkey with its account.
  const [taken, found] = await db.$client.batch([taking.take, passkeyWithAccount(response.id)], 'write');
  const row = found.rows[0];
  if (!challengeHolds(taken.rows[0], deps.now()) || !row || row.confirmed_at === null) throw refused();
  const account = accountFromRow(row);
  const use = await verifyLogin(deps, response, taking.challenge, {
    id: response.id,
    accountId: account.id,
    publicKey: String(row.public_key),
    counter: Number(row.counter),
    transports: row.transports === null ? null : String(row.transports),
  });
  if (!use) throw refused();

  // Round trip 2: the use recorded and the session inserted only where the use was (changes()).
  const method = Number(row.provisional) ? 'provisional-passkey' : 'passkey';
  const session = await newSession(deps, account.id, input.remember, c.req.header('user-agent'), method);
  const [, inserted] = await db.$client.batch(
    [
      recordUse(response.id, use.counter, use.backedUp, deps.now()),
      session.insertIf('changes() = 1'),
      clearStatement(...limits.loginAccountKeys(account.email)),
    ],
    'write',
  );
  if (inserted.rowsAffected !== 1) throw refused();
  setSessionCookie(c, deps, session.token, input.remember);
  await setDeviceCookie(c, deps, account.id, account.email, row);
  return c.json({ account } satisfies AccountAnswer, 200);
}
