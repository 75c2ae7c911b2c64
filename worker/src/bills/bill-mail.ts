// E-mail bills: the mail of one bill to one account, rendered when its turn comes to be sent. The
// outbox row (written with the bill by the import, import.ts) holds only `{bill, account}`; who
// gets the mail is decided again here, so a bill paid meanwhile, or an account that switched
// e-mail bills off, unlinked the consumer code or was deleted, gets none.
import { sql } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import type { RenderedMail } from '../mail/templates.ts';
import { renderBillMail, type Bill, type OlderBills } from './bill-mail-content.ts';
import { olderUnpaidBills } from '../db/statements/bills.ts';

export interface BillMailRef {
  bill: string;
  account: string;
}

type Target = Bill & {
  accountName: string;
  accountLocale: string;
  email: string;
  consumerName: string;
  consumerAddress: string;
};

/** The mail as it is to be sent now, with its current address; null when there is nothing to send any more. */
export async function renderQueuedBillMail(
  deps: Deps,
  ref: BillMailRef,
): Promise<(RenderedMail & { to: string }) | null> {
  const [t] = await deps.db.all<Target>(sql`
    SELECT b.id, b.consumer_code AS consumerCode, b.period, b.issue_date AS issueDate, b.due_date AS dueDate, b.amount, b.balance,
      b.payee_account AS payeeAccount, b.reference, b.items, b.paid_at AS paidAt, b.pdf_key AS pdfKey, b.created_at AS createdAt, b.updated_at AS updatedAt,
      a.name AS accountName, a.locale AS accountLocale, a.email, c.name AS consumerName, c.address AS consumerAddress
    FROM bills b
    JOIN consumers c ON c.code = b.consumer_code
    JOIN account_consumers ac ON ac.consumer_code = b.consumer_code AND ac.account_id = ${ref.account}
    JOIN accounts a ON a.id = ac.account_id AND a.email_bills = 1 AND a.confirmed_at IS NOT NULL AND a.undeliverable_at IS NULL
    WHERE b.id = ${ref.bill} AND b.paid_at IS NULL`);
  if (!t) return null;
  const older = (await olderUnpaidBills(deps.db, t.consumerCode, t.period)).map((o) => ({
    id: o.id,
    period: o.period,
    amount: o.amount,
    dueDate: o.dueDate,
  }));
  const input: BillMailInput = {
    now: deps.now(),
    bill: t,
    account: { id: ref.account, name: t.accountName, locale: t.accountLocale },
    consumer: { name: t.consumerName, address: t.consumerAddress },
    older,
  };
  const mail = deps.offload
    ? await deps.offload.run<RenderedMail>(BILL_MAIL_TASK, input)
    : await renderBillMailFrom(deps, input);
  return { ...mail, to: t.email };
}

/** The offload task that draws a bill mail (the PDF, the QR code): everything it needs is in its input. */
export const BILL_MAIL_TASK = 'bill-mail';
export interface BillMailInput {
  /** The sender's clock: the mail says what is overdue as of when it is sent. */
  now: number;
  bill: Bill;
  account: { id: string; name: string; locale: string };
  consumer: { name: string; address: string };
  /** The consumer's older unpaid bills as of the sending (olderUnpaidBills). */
  older?: OlderBills;
}
/**
 * Uses only the configuration, the file store and the fonts of `deps`, and the input's clock, so an
 * offload thread has those alone (a test in test/worker/node/render-pool.test.ts draws the same mail both ways).
 */
export const renderBillMailFrom = (deps: Pick<Deps, 'config' | 'files' | 'fonts'>, i: BillMailInput) =>
  renderBillMail({ ...deps, now: () => i.now } as Deps, i.bill, i.account, i.consumer, i.older);
