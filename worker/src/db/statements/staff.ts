// Named statements of the office (docs/office.md): staff, their passkeys and invitations, the
// consumer look-ups, the print house's list and the audit log (read here; written only by
// staff/audit.ts, and only ever inserted).
import { searchKey } from '../../consumers/search-key.ts';
import type { InStatement, InValue } from '@libsql/client';
import type { Db } from '../../ports.ts';

type Exec = Pick<Db['$client'], 'execute'>;

/** A drizzle query (a token's, an outbox insert) as a raw statement, so it rides in a raw batch with the audit entry. */
export function asStatement(q: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = q.toSQL();
  return { sql, args: params as (string | number | null)[] };
}

// --- staff and passkeys -------------------------------------------------------------------

export const staffByEmail = (email: string): InStatement => ({
  sql: 'SELECT id, email, name, role, disabled_at FROM staff WHERE email = ?',
  args: [email],
});

export const staffPasskeysOf = async (db: Db, staffId: string) =>
  (
    await db.$client.execute({
      sql: 'SELECT id, transports FROM staff_passkeys WHERE staff_id = ? ORDER BY created_at DESC',
      args: [staffId],
    })
  ).rows.map((r) => ({ id: String(r.id), transports: r.transports === null ? null : String(r.transports) }));

export interface NewStaffPasskey {
  id: string;
  staffId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  userAgent: string | null;
  createdAt: number;
}

/** A credential id stored already (a staff member's) inserts nothing. */
export const insertStaffPasskey = (p: NewStaffPasskey): InStatement => ({
  sql: `INSERT INTO staff_passkeys (id, staff_id, public_key, counter, transports, device_type, backed_up, user_agent, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  args: passkeyValues(p),
});

const passkeyValues = (p: NewStaffPasskey): InValue[] => [
  p.id,
  p.staffId,
  p.publicKey,
  p.counter,
  JSON.stringify(p.transports),
  p.deviceType,
  p.backedUp ? 1 : 0,
  p.userAgent,
  p.createdAt,
];

/** A staff passkey with its (enabled) staff member, for a login by credential id. */
export const staffPasskeyWithStaff = (id: string): InStatement => ({
  sql: `SELECT p.public_key, p.counter, p.transports, s.id, s.email, s.name, s.role
    FROM staff_passkeys p JOIN staff s ON s.id = p.staff_id WHERE p.id = ? AND s.disabled_at IS NULL`,
  args: [id],
});

/** A login's use: applied only when the counter moves forward (or stays 0), so `changes()` tells the next statement. */
export const recordStaffPasskeyUse = (id: string, counter: number, backedUp: boolean, now: number): InStatement => ({
  sql: `UPDATE staff_passkeys SET counter = :counter, backed_up = :backedUp, last_used_at = :now
    WHERE id = :id AND (counter < :counter OR (:counter = 0 AND counter = 0))`,
  args: { id, counter, backedUp: backedUp ? 1 : 0, now },
});

export const listStaff = async (db: Db) =>
  (
    await db.$client.execute(
      `SELECT s.id, s.email, s.name, s.role, s.created_at, s.disabled_at,
        (SELECT count(*) FROM staff_passkeys p WHERE p.staff_id = s.id) AS passkeys
       FROM staff s ORDER BY s.disabled_at IS NOT NULL, s.name`,
    )
  ).rows;

/** Disables a staff member and ends their sessions (the version moves on). */
export const disableStaff = (id: string, now: number): InStatement => ({
  sql: `UPDATE staff SET disabled_at = ?, security_version = security_version + 1 WHERE id = ? AND disabled_at IS NULL`,
  args: [now, id],
});

// --- invitations --------------------------------------------------------------------------

export const insertInvitation = (i: {
  hash: string;
  email: string;
  name: string;
  role: string;
  invitedBy: string | null;
  expiresAt: number;
  now: number;
}): InStatement => ({
  sql: `INSERT INTO staff_invitations (hash, email, name, role, invited_by, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  args: [i.hash, i.email, i.name, i.role, i.invitedBy, i.expiresAt, i.now],
});

/** An older invitation to the same address is void once a new one is sent. */
export const voidInvitations = (email: string, now: number): InStatement => ({
  sql: 'UPDATE staff_invitations SET used_at = ? WHERE email = ? AND used_at IS NULL',
  args: [now, email],
});

export const openInvitation = (hash: string, now: number): InStatement => ({
  sql: 'SELECT email, name, role FROM staff_invitations WHERE hash = ? AND used_at IS NULL AND expires_at > ?',
  args: [hash, now],
});

// --- consumers ----------------------------------------------------------------------------

/** `%` and `_` typed by staff are searched for as themselves. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Consumers by code (exact or prefix, `code` the query in a code's canonical form), name, address
 * or an account's e-mail (confirmed or pending), at most 50. The registered address shown is the
 * linked account's, else the newest pending registration's.
 */
export async function searchConsumers(db: Exec, q: string, code = q) {
  const like = `%${likeEscape(q.toLowerCase())}%`;
  // Name and address as a clerk types them: any case, either script, with or without diacritics.
  const folded = `%${likeEscape(searchKey(q))}%`;
  const prefix = `${likeEscape(code)}%`;
  return (
    await db.execute({
      sql: `SELECT c.code, c.name, c.address,
          COALESCE(
            (SELECT a.email FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id WHERE ac.consumer_code = c.code),
            (SELECT a.email FROM accounts a WHERE a.pending_consumer_code = c.code AND a.confirmed_at IS NULL ORDER BY a.created_at DESC LIMIT 1)
          ) AS email
        FROM consumers c
        WHERE c.code LIKE :prefix ESCAPE '\\' OR c.search_key LIKE :folded ESCAPE '\\'
          OR (c.search_key IS NULL AND (c.name || ' ' || c.address LIKE :raw ESCAPE '\\'
            OR lower(c.name || ' ' || c.address) LIKE :like ESCAPE '\\'))
          OR c.code IN (SELECT ac.consumer_code FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id WHERE a.email LIKE :like ESCAPE '\\')
          OR c.code IN (SELECT a.pending_consumer_code FROM accounts a WHERE a.confirmed_at IS NULL AND a.email LIKE :like ESCAPE '\\')
        ORDER BY c.code = :code DESC, c.code LIMIT 50`,
      args: { code, like, prefix, folded, raw: `%${likeEscape(q)}%` },
    })
  ).rows;
}

/** Everything the card shows, in one read batch (results in this order). */
export const cardStatements = (code: string, pinKeys: string[], mails: number): InStatement[] => [
  { sql: 'SELECT code, name, address FROM consumers WHERE code = ?', args: [code] },
  {
    sql: `SELECT a.id, a.email, a.name, a.email_bills, 'confirmed' AS state, ac.linked_at AS since,
        (SELECT max(d.at) FROM delivery_changes d WHERE d.account_id = a.id
          AND (d.consumer_code = :code OR d.consumer_code IS NULL)) AS delivery_since,
        a.undeliverable_at, a.undeliverable_reason
      FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id WHERE ac.consumer_code = :code
      UNION ALL
      SELECT * FROM (SELECT a.id, a.email, a.name, a.email_bills, 'pending', a.created_at, NULL, a.undeliverable_at,
        a.undeliverable_reason FROM accounts a
        WHERE a.pending_consumer_code = :code AND a.confirmed_at IS NULL ORDER BY a.created_at DESC LIMIT 1)
      LIMIT 1`,
    args: { code },
  },
  {
    sql: `SELECT key, window_start, count, blocked_until FROM throttles WHERE key IN (${pinKeys.map(() => '?').join(', ')})`,
    args: pinKeys,
  },
  {
    sql: `SELECT id, period, amount, balance, due_date, paid_at FROM bills WHERE consumer_code = ? ORDER BY period DESC LIMIT 12`,
    args: [code],
  },
  {
    // Mails to the registered address (linked or pending) and this consumer's bill mails.
    sql: `SELECT o.id, o.kind, o.subject, o.status, o.created_at, o.sent_at, o.last_error FROM outbox o
      WHERE o.to_address IN (
          SELECT a.email FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id WHERE ac.consumer_code = :code
          UNION SELECT a.email FROM accounts a WHERE a.pending_consumer_code = :code AND a.confirmed_at IS NULL)
        OR o.id IN (SELECT bm.outbox_id FROM bill_mails bm JOIN bills b ON b.id = bm.bill_id WHERE b.consumer_code = :code)
      ORDER BY o.created_at DESC LIMIT :limit`,
    args: { code, limit: mails },
  },
  {
    sql: `SELECT n.id, n.text, n.created_at, COALESCE(s.name, '') AS staff_name FROM staff_notes n
      LEFT JOIN staff s ON s.id = n.staff_id WHERE n.consumer_code = ? ORDER BY n.created_at DESC LIMIT 20`,
    args: [code],
  },
  {
    // What became of mail to the registered address (mail/delivery-events.ts), newest first.
    sql: `SELECT e.type, e.reason, e.occurred_at, e.source, e.outbox_id FROM mail_events e
      WHERE e.email IN (
          SELECT a.email FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id WHERE ac.consumer_code = :code
          UNION SELECT a.email FROM accounts a WHERE a.pending_consumer_code = :code AND a.confirmed_at IS NULL)
      ORDER BY e.occurred_at DESC LIMIT 20`,
    args: { code },
  },
];

export const insertNote = (n: {
  id: string;
  code: string;
  staffId: string;
  text: string;
  now: number;
}): InStatement => ({
  sql: 'INSERT INTO staff_notes (id, consumer_code, staff_id, text, created_at) VALUES (?, ?, ?, ?, ?)',
  args: [n.id, n.code, n.staffId, n.text, n.now],
});

/** The pending registration of a code: its account, still unconfirmed. */
export const pendingRegistration = (code: string): InStatement => ({
  sql: `SELECT id, email, locale FROM accounts WHERE pending_consumer_code = ? AND confirmed_at IS NULL
    ORDER BY created_at DESC LIMIT 1`,
  args: [code],
});

// --- the audit log (read only) ------------------------------------------------------------

export interface AuditFilter {
  from?: number;
  to?: number;
  staffId?: string;
  consumerCode?: string;
  action?: string;
  limit: number;
}

export async function auditEntries(db: Exec, f: AuditFilter) {
  const conditions: [string, string | number | undefined][] = [
    ['at >= ?', f.from],
    ['at < ?', f.to],
    ['staff_id = ?', f.staffId],
    ['consumer_code = ?', f.consumerCode],
    ['action = ?', f.action],
  ];
  const used = conditions.filter(([, v]) => v !== undefined && v !== '');
  const where = used.map(([w]) => w);
  const args = used.map(([, v]) => v as string | number);
  return (
    await db.execute({
      sql: `SELECT id, at, staff_id, ip, action, consumer_code, account_id, reason, detail FROM audit_log
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      args: [...args, f.limit],
    })
  ).rows;
}

// --- enrolment and disabling ----------------------------------------------------------------

export const staffById = (id: string): InStatement => ({
  sql: 'SELECT id, email, name, role FROM staff WHERE id = ?',
  args: [id],
});

export const activeStaff = (id: string): InStatement => ({
  sql: 'SELECT 1 FROM staff WHERE id = ? AND disabled_at IS NULL',
  args: [id],
});

export const endStaffSessions = (staffId: string): InStatement => ({
  sql: 'DELETE FROM staff_sessions WHERE staff_id = ?',
  args: [staffId],
});

export const consumerExists = (code: string): InStatement => ({
  sql: 'SELECT 1 FROM consumers WHERE code = ?',
  args: [code],
});

/** The invitation's address, name and role, and the staff member who has that address already (if any). */
export const invitationWithStaff = (hash: string, now: number): InStatement => ({
  sql: `SELECT i.email, i.name, i.role, i.invited_by, s.id AS staff_id FROM staff_invitations i
    LEFT JOIN staff s ON s.email = i.email WHERE i.hash = ? AND i.used_at IS NULL AND i.expires_at > ?`,
  args: [hash, now],
});

export interface Enrolment {
  invitationHash: string;
  staffId: string;
  email: string;
  name: string;
  role: string;
  /** Staff already (a lost passkey): reinstated, their other passkeys and sessions gone. */
  again: boolean;
  passkey: NewStaffPasskey;
  now: number;
}

/**
 * An invitation accepted, in one write batch that holds however many requests present it: the
 * new passkey goes in only while the invitation is unused, the invitation is used only where
 * that passkey went in, and everything after applies only where both hold (`won`, with its
 * args) — for exactly one request, the one whose credential is now stored. Results: [staff,
 * passkey, invitation used, …]; the third's `rowsAffected` says whether this request enrolled.
 */
export function enrolStatements(e: Enrolment) {
  const unused = 'EXISTS (SELECT 1 FROM staff_invitations WHERE hash = ? AND used_at IS NULL AND expires_at > ?)';
  const unusedArgs: InValue[] = [e.invitationHash, e.now];
  const won = `EXISTS (SELECT 1 FROM staff_passkeys WHERE id = ? AND staff_id = ?)
    AND EXISTS (SELECT 1 FROM staff_invitations WHERE hash = ? AND used_at = ?)`;
  const wonArgs: InValue[] = [e.passkey.id, e.staffId, e.invitationHash, e.now];
  const statements: InStatement[] = [
    {
      sql: `INSERT INTO staff (id, email, name, role, security_version, created_at) SELECT ?, ?, ?, ?, 1, ?
        WHERE ${unused} AND NOT EXISTS (SELECT 1 FROM staff WHERE email = ?) AND NOT EXISTS (SELECT 1 FROM staff_passkeys WHERE id = ?)`,
      args: [e.staffId, e.email, e.name, e.role, e.now, ...unusedArgs, e.email, e.passkey.id],
    },
    {
      sql: `INSERT INTO staff_passkeys (id, staff_id, public_key, counter, transports, device_type, backed_up, user_agent, created_at)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${unused} AND EXISTS (SELECT 1 FROM staff WHERE id = ? AND email = ?)
        ON CONFLICT DO NOTHING`,
      args: [...passkeyValues(e.passkey), ...unusedArgs, e.staffId, e.email],
    },
    {
      sql: `UPDATE staff_invitations SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?
        AND EXISTS (SELECT 1 FROM staff_passkeys WHERE id = ? AND staff_id = ?)`,
      args: [e.now, e.invitationHash, e.now, e.passkey.id, e.staffId],
    },
    ...(e.again
      ? [
          {
            sql: `UPDATE staff SET name = ?, role = ?, disabled_at = NULL, security_version = security_version + 1 WHERE id = ? AND ${won}`,
            args: [e.name, e.role, e.staffId, ...wonArgs],
          },
          {
            sql: `DELETE FROM staff_passkeys WHERE staff_id = ? AND id <> ? AND ${won}`,
            args: [e.staffId, e.passkey.id, ...wonArgs],
          },
          { sql: `DELETE FROM staff_sessions WHERE staff_id = ? AND ${won}`, args: [e.staffId, ...wonArgs] },
        ]
      : []),
    // Every other challenge of the invitation goes with it.
    {
      sql: `DELETE FROM staff_challenges WHERE invitation_hash = ? AND ${won}`,
      args: [e.invitationHash, ...wonArgs],
    },
  ];
  return { statements, won, wonArgs };
}
