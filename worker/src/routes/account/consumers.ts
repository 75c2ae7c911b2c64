// GET /api/account/consumers (with the unpaid bills' total), POST /api/account/consumers/link
// {consumerCode, pin} (same PIN throttling as registration) and .../unlink {consumerCode}. The list
// carries what the account's summary and chart show, so the account area opens with one request.
import { qrPngName } from '../../../../contract/file-names.ts';
import { canonical } from '../../../../contract/typed-code.ts';
import { consumersWithBalance, linkCode, unlinkCode } from '../../db/statements/consumers.ts';
import { fail } from '../../http/errors.ts';
import { proveConsumer } from '../../auth/consumer-pin.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { billSummary, rsd, totalSlip } from '../../bills/view.ts';
import { billsOverview, unpaidBills } from '../../db/statements/bills.ts';
import { qrPng } from '../../bills/qr-image.ts';
import { accountEventStatements } from '../../auth/account-state.ts';
import { setDeviceCookie } from '../../auth/device-cookie.ts';
import type { AccountCtx } from '../../env.ts';
import type { ConsumersAnswer } from '../../../../contract/responses.ts';

/** The 12 months of the chart. */
const HISTORY_MONTHS = 12;

/** Each linked code: balance, the last 12 months' bills, the unpaid ones and how to pay them (two round trips). */
export async function listConsumers(c: AccountCtx) {
  const { deps } = c.var;
  const s = c.var.session;
  const rows = await consumersWithBalance(deps.db, s.account.id);
  const codes = rows.map((r) => r.code);
  const [history, unpaid] = codes.length ? await billsOverview(deps.db, codes, HISTORY_MONTHS) : [[], []];
  const payRule = deps.config.utility.payment.totalPayment === 'total' ? 'total' : 'perBill';
  return c.json({
    consumers: rows.map((r) => {
      const own = unpaid.filter((b) => b.consumerCode === r.code);
      const unpaidPara = own.reduce((sum, b) => sum + b.amount, 0);
      return {
        code: r.code,
        name: r.name,
        address: r.address,
        // "Trenutno dugovanje" is the unpaid bills' total, the same figure as the bills page's.
        balance: rsd(unpaidPara),
        lastPeriod: r.period,
        unpaidBills: r.unpaid,
        history: history.filter((b) => b.consumerCode === r.code).map(billSummary),
        unpaid: own.map(billSummary),
        unpaidTotal: rsd(unpaidPara),
        payRule,
        total: totalSlip(deps.config, r.code, own, r),
      };
    }),
  } satisfies ConsumersAnswer);
}

/**
 * GET /api/account/consumers/:code/qr.png (the code encoded, in any form a resident may type it):
 * the one payment for all of the consumer's unpaid bills as a picture to save (where the utility
 * takes one); 404 when there is none or the code is not the account's.
 */
export async function totalQrPng(c: AccountCtx) {
  const { deps } = c.var;
  const code = canonical('consumerCode', c.req.param('code') ?? '', deps.config.utility.consumerCode);
  const consumer = c.var.session.account.consumers.find((x) => x.code === code);
  if (!consumer) throw fail('not_found');
  const total = totalSlip(deps.config, consumer.code, await unpaidBills(deps.db, [consumer.code]), consumer);
  if (!total) throw fail('not_found');
  c.header('Content-Type', 'image/png');
  c.header('Cache-Control', 'private, no-store');
  c.header('Content-Disposition', `attachment; filename="${qrPngName(consumer.code, 'ukupno')}"`);
  return c.body(qrPng(total.ipsQr, 8) as Uint8Array<ArrayBuffer>);
}

export async function linkConsumer(c: AccountCtx<'linkConsumer'>) {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  const input = c.req.valid('json');
  const now = deps.now();
  const { linkedTo } = await proveConsumer(
    c,
    input.consumerCode,
    input.pin,
    c.var.limits.account('link', s.account.id, c.var.clientIp),
  );
  if (linkedTo === s.account.id) throw fail('consumer_already_linked');
  if (linkedTo) throw fail('consumer_already_registered');
  try {
    await linkCode(db, s.account.id, input.consumerCode, now);
  } catch (err) {
    if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw fail('consumer_already_registered');
    throw err;
  }
  return c.json({ status: 'linked' }, 201);
}

export async function unlinkConsumer(c: AccountCtx<'unlinkConsumer'>) {
  const { deps } = c.var;
  const s = c.var.session;
  const input = c.req.valid('json');
  if (!s.account.consumers.some((x) => x.code === input.consumerCode)) throw fail('not_found');
  if (s.account.consumers.length === 1) throw fail('last_consumer');
  // An account-wide event: links, codes and other sessions issued while the code was linked are void.
  await deps.db.batch([
    unlinkCode(deps.db, s.account.id, input.consumerCode),
    ...accountEventStatements(deps, s.account.id, 'consumer_unlinked', { actorSession: s.hash }),
  ]);
  await setDeviceCookie(c, deps, s.account.id, s.account.email);
  return c.body(null, 204);
}
