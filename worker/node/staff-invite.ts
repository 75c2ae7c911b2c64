// `npm run staff:invite -- EMAIL [salter|administrator] [NAME]`: the first administrator of the
// office (docs/office.md), or anyone when no administrator can: writes a one-time invitation to
// DATABASE_URL, prints its link (`…/kancelarija/#poziv=TOKEN`) and mails it through the outbox
// (in development the mail is in the dev mailbox). Audited as the command line's act.
import { loadConfig, ConfigError } from '../src/config.ts';
import { nodeDeps } from './deps.ts';
import { migrateDatabase } from './database.ts';
import { readUtilityConfig } from './utility-file.ts';
import { invitationStatements } from '../src/staff/invitations.ts';
import { auditInsert } from '../src/staff/audit.ts';
import { deliverDue } from '../src/mail/outbox.ts';
import { officeSchemas, STAFF_ROLES, type StaffRole } from '../../contract/office.ts';
import { validate } from '../../contract/schemas.ts';

const USAGE = 'usage: npm run staff:invite -- EMAIL [salter|administrator] [NAME]';

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [emailArg, roleArg = 'administrator', ...nameParts] = argv;
  if (!(STAFF_ROLES as readonly string[]).includes(roleArg)) {
    console.error(USAGE);
    return 2;
  }
  const name = nameParts.join(' ').trim() || (emailArg ?? '').split('@')[0];
  const input = validate(officeSchemas().invite, { email: emailArg ?? '', name, role: roleArg });
  if (!input.ok) {
    console.error(
      `${USAGE}\n(${Object.entries(input.fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})`,
    );
    return 2;
  }
  const config = loadConfig(env, readUtilityConfig(env));
  const { deps, client } = await nodeDeps(config, env);
  try {
    await migrateDatabase(deps.db);
    const inv = await invitationStatements(deps, {
      ...input.value,
      role: input.value.role as StaffRole,
      invitedBy: null,
    });
    await client.batch(
      [
        ...inv.statements,
        auditInsert(deps, 'cli', null, {
          action: 'staff.invited',
          detail: { email: input.value.email, role: input.value.role, by: 'cli' },
        }),
      ],
      'write',
    );
    // Sent now when the transport takes it; otherwise the server's periodic job retries it.
    await deliverDue(deps, [inv.mailId]).catch(() => undefined);
    console.log(
      `Invitation for ${input.value.email} (${input.value.role}), valid until ${new Date(inv.expiresAt).toISOString()}:`,
    );
    console.log(inv.link);
    return 0;
  } finally {
    client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof ConfigError ? e.message : e);
      process.exit(2);
    },
  );
}
