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

/** A fetch's answer as JSON, or its failure as the contract's error code (as `call` reads them). */
async function answerOf<T>(request: Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await request;
  } catch {
    throw new ApiFailure(0, 'network_error');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiFailure(res.status, typeof e.code === 'string' ? e.code : 'internal_error', e.fields ?? {});
  }
  return data as T;
}

/** A file as the body of a POST (`text/csv`: the imports), the answer JSON. */
export const upload = <T>(base: string, path: string, file: Blob) =>
  answerOf<T>(
    fetch(`${base}/api/staff${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'text/csv' },
      body: file,
    }),
  );

/** The print list as JSON (the CSV is the same address without the Accept header). */
export const printList = (base: string, period: string) =>
  answerOf<PrintListAnswer>(
    fetch(`${base}/api/staff/print-list?period=${encodeURIComponent(period)}&delivery=all`, {
      credentials: 'include',
      headers: { Accept: 'application/json' },
    }),
  );
