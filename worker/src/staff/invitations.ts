// Staff invitations (docs/office.md): 256 random bits in the link's fragment
// (`/kancelarija/#poziv=TOKEN`, never sent to a server's logs), only the SHA-256 stored, single
// use, valid as long as a registration link (CONFIRM_TTL: 48 h). A new invitation to the same
// address voids the older ones. The mail goes through the outbox with the invitation itself, in
// one batch; a real transport's copy keeps no link once sent (mail/outbox.ts ONE_TIME_KINDS).
import type { InStatement } from '@libsql/client';
import type { Deps } from '../ports.ts';
import { randomToken, sha256Hex } from '../auth/crypto.ts';
import { enqueueStatement } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { asStatement, insertInvitation, voidInvitations } from '../db/statements/staff.ts';
import type { StaffRole } from '../../../contract/office.ts';

/** Where the console is served, on the API's own origin. */
export const CONSOLE_PATH = '/kancelarija/';

export function invitationLink(deps: Deps, token: string): string {
  return `${deps.config.apiUrl}${CONSOLE_PATH}#poziv=${token}`;
}

export interface Invitation {
  email: string;
  name: string;
  role: StaffRole;
  /** The administrator who invites (null: the command line). */
  invitedBy: string | null;
}

/** The invitation's statements (older ones voided, the new one, its mail), its link and the mail's outbox id. */
export async function invitationStatements(deps: Deps, inv: Invitation) {
  const token = randomToken(deps.randomBytes, 32);
  const now = deps.now();
  const expiresAt = now + deps.config.confirmTtlMs;
  const link = invitationLink(deps, token);
  const mail = enqueueStatement(
    deps,
    'staff_invite',
    inv.email,
    composeMail(deps, 'staff_invite', 'sr-Latn', inv.name, link),
  );
  // Unguarded, the outbox's insert is a query builder: its SQL rides in the invitation's batch.
  if (!('toSQL' in mail.stmt)) throw new Error('the outbox insert is a query builder');
  const statements: InStatement[] = [
    voidInvitations(inv.email, now),
    insertInvitation({ hash: await sha256Hex(token), ...inv, expiresAt, now }),
    asStatement(mail.stmt),
  ];
  return { token, link, expiresAt, statements, mailId: mail.id };
}
