// A bounce report from the utility's mail administrator (POST /api/admin/bounces): CSV
// `email,type,reason` or the same as JSON, `type` one of `hard`, `soft`, `complaint`. Read whole or
// refused whole: every bad line is named, nothing is stored from a report with one.
import * as v from 'valibot';
import { readTable, type RowError } from '../csv/table.ts';
import type { DeliveryEvent, DeliveryEventType } from './delivery-events.ts';

const TYPES: Record<string, DeliveryEventType> = { hard: 'bounce_hard', soft: 'bounce_soft', complaint: 'complaint' };
const EMAIL = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());

export interface BounceReport {
  events: DeliveryEvent[];
  errors: RowError[];
}

function event(line: number, email: string, type: string, reason: string, errors: RowError[]): DeliveryEvent | null {
  const address = v.safeParse(EMAIL, email);
  const kind = TYPES[type.trim().toLowerCase()];
  if (!address.success) errors.push({ line, reason: `email "${email.slice(0, 80)}" is not an e-mail address` });
  else if (!kind) errors.push({ line, reason: `type "${type.slice(0, 40)}" is not hard, soft or complaint` });
  else return { source: 'admin', email: address.output, type: kind, reason: reason.trim().slice(0, 500) || undefined };
  return null;
}

/** The report's events, or its errors by line (CSV lines, or the JSON array's 1-based items). */
export function readBounceReport(text: string, json: boolean): BounceReport {
  const errors: RowError[] = [];
  const events: DeliveryEvent[] = [];
  if (json) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { events, errors: [{ line: 1, reason: 'the body is not JSON' }] };
    }
    const items = Array.isArray(body) ? body : (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(items))
      return { events, errors: [{ line: 1, reason: 'expected an array of {email, type, reason}' }] };
    items.forEach((item, i) => {
      const o = (item ?? {}) as Record<string, unknown>;
      const e = event(i + 1, String(o.email ?? ''), String(o.type ?? ''), String(o.reason ?? ''), errors);
      if (e) events.push(e);
    });
    return { events, errors };
  }
  const table = readTable(text, ['email', 'type']);
  errors.push(...table.errors);
  for (const row of table.rows) {
    const e = event(
      row.line,
      row.get('email'),
      row.get('type'),
      table.columns.includes('reason') ? row.get('reason') : '',
      errors,
    );
    if (e) events.push(e);
  }
  return { events, errors };
}
