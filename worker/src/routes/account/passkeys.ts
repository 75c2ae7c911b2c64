// The account's passkeys: GET /api/account/passkeys, POST /api/account/passkeys/options (a
// registration challenge: the password re-entered unless the session began less than 5 minutes
// ago), POST /api/account/passkeys (the new passkey), POST /api/account/passkeys/remove {id}.
// A registration challenge belongs to the account and the session that asked for it, at the
// account's security version. Removing a passkey is an account-wide event (account-state.ts).
// A passkey added in a session begun by a password, a login code or a provisional passkey is
// provisional: a reset removes it unless the resident keeps it (sessions.ts, SessionMethod).
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { fail } from '../../http/errors.ts';
import { countAccountAction, verifyPassword } from '../../auth/reverify.ts';
import { newChallenge, challengeHolds, takeChallengeOf } from '../../auth/webauthn-challenges.ts';
import { registrationOptions, verifyRegistration } from '../../auth/passkeys.ts';
import { insertPasskey, passkeyGone, passkeysOf, removePasskey } from '../../db/statements/passkeys.ts';
import { accountEventStatements } from '../../auth/account-state.ts';
import { setDeviceCookie } from '../../auth/device-cookie.ts';
import type { AccountCtx } from '../../env.ts';
import { addsLastingPasskeys, type CurrentSession } from '../../auth/sessions.ts';
import type {
  PasskeyAnswer,
  PasskeyInfo,
  PasskeyOptionsAnswer,
  PasskeysAnswer,
  StatusAnswer,
} from '../../../../contract/responses.ts';
import { parseUserAgent } from '../../../../contract/user-agent.ts';

/** A session this young may add a passkey without the password (the login was just now). */
export const REAUTH_AFTER_MS = 5 * 60_000;

const reauthRequired = (s: CurrentSession, now: number) => now - s.createdAt >= REAUTH_AFTER_MS;

const info = (p: {
  id: string;
  userAgent: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  backedUp: boolean;
}): PasskeyInfo => ({
  id: p.id,
  device: parseUserAgent(p.userAgent),
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
  backedUp: p.backedUp,
});

export async function listPasskeys(c: AccountCtx) {
  const { deps, session } = c.var;
  const rows = await passkeysOf(deps.db, session.account.id);
  return c.json({
    passkeys: rows.map(info),
    reauthRequired: reauthRequired(session, deps.now()),
  } satisfies PasskeysAnswer);
}

export async function passkeyRegistrationOptions(c: AccountCtx<'passkeyOptions'>) {
  const { deps, session } = c.var;
  const input = c.req.valid('json');
  // Counted first either way (each call writes a challenge row); an older session proves the password again.
  if (!reauthRequired(session, deps.now())) await countAccountAction(c, 'passkey');
  else if (input.password === undefined) throw fail('reauth_required');
  else await verifyPassword(c, 'passkey', input.password);

  const owner = { accountId: session.account.id, sessionHash: session.hash };
  const { challenge, insert } = await newChallenge(deps, 'register', owner);
  await deps.db.$client.execute(insert);
  const existing = await passkeysOf(deps.db, owner.accountId);
  const options = await registrationOptions(deps, session.account, challenge, existing);
  return c.json({ options: { ...options } } satisfies PasskeyOptionsAnswer, 200);
}

export async function addPasskey(c: AccountCtx<'passkeyAdd'>) {
  const { deps, session } = c.var;
  const input = c.req.valid('json');
  const response = input.response as RegistrationResponseJSON;
  const refused = fail('passkey_failed', { status: 400 });
  const taking = await takeChallengeOf(response.response.clientDataJSON, 'register');
  if (!taking) throw refused;
  const taken = await deps.db.$client.execute(taking.take);
  const owner = { accountId: session.account.id, sessionHash: session.hash };
  if (!challengeHolds(taken.rows[0], deps.now(), owner)) throw refused;
  const credential = await verifyRegistration(deps, response, taking.challenge);
  if (!credential) throw refused;
  const now = deps.now();
  const userAgent = c.req.header('user-agent')?.slice(0, 300) ?? null;
  // A credential id stored already (on any account) is refused, never moved.
  const [added] = await insertPasskey(deps.db, {
    ...credential,
    accountId: owner.accountId,
    userAgent,
    createdAt: now,
    provisional: !addsLastingPasskeys(session.method),
  });
  if (!added) throw refused;
  return c.json(
    {
      passkey: info({ id: credential.id, userAgent, createdAt: now, lastUsedAt: null, backedUp: credential.backedUp }),
    } satisfies PasskeyAnswer,
    201,
  );
}

export async function deletePasskey(c: AccountCtx<'passkeyRemove'>) {
  const { deps, session } = c.var;
  const input = c.req.valid('json');
  const own = await passkeysOf(deps.db, session.account.id);
  if (!own.some((p) => p.id === input.id)) throw fail('not_found');
  // The event applies only where this request's delete removed it (or a parallel one did).
  await deps.db.batch([
    removePasskey(deps.db, session.account.id, input.id),
    ...accountEventStatements(deps, session.account.id, 'passkey_removed', {
      actorSession: session.hash,
      guard: passkeyGone(input.id),
    }),
  ]);
  await setDeviceCookie(c, deps, session.account.id, session.account.email);
  return c.json({ status: 'removed' } satisfies StatusAnswer<'removePasskey'>, 200);
}
