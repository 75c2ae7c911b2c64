// The office's API as the console calls it (docs/office.md): same-origin JSON, the staff cookie
// along, failures as the contract's error codes (ApiFailure, as the residents' widget has them).
import { ApiFailure, call } from '../api.js';

export { ApiFailure };

/** A row of the print house's list as `GET /api/staff/print-list` answers it in JSON. */
export interface PrintRow {
  consumerCode: string;
  name: string;
  address: string;
  delivery: 'email' | 'paper';
  reason: string | null;
  since: number | null;
}
export interface PrintListAnswer {
  period: string;
  delivery: 'paper' | 'email' | 'all';
  rows: PrintRow[];
}

export const get = <T>(base: string, path: string) => call<T>(base, 'GET', `/api/staff${path}`);
export const post = <T>(base: string, path: string, body: unknown = {}) =>
  call<T>(base, 'POST', `/api/staff${path}`, body);

/** The print list as JSON (the CSV is the same address without the Accept header). */
export async function printList(base: string, period: string): Promise<PrintListAnswer> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/staff/print-list?period=${encodeURIComponent(period)}&delivery=all`, {
      credentials: 'include',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiFailure(0, 'network_error');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiFailure(res.status, data?.error?.code ?? 'internal_error');
  return data as PrintListAnswer;
}
