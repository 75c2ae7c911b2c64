// The worker's API as the widget uses it: JSON in and out, the session cookie along,
// failures as stable error codes (the server never sends prose to show).
import type { ErrorBody, ErrorCode } from '../../contract/errors.ts';

/** The contract's codes, and the one the widget adds when the server cannot be reached. */
export type FailureCode = ErrorCode | 'network_error';
export type { Account } from '../../contract/responses.ts';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    readonly fields: Record<string, string> = {},
    readonly retryAfter?: number,
    /** The answer's error as it came (`attemptsLeft` of invalid_consumer_credentials). */
    readonly error?: Partial<ErrorBody['error']>,
  ) {
    super(code);
  }
}

export function apiBase(el: Element): string {
  return (el.getAttribute('api') ?? el.closest('[api]')?.getAttribute('api') ?? '').replace(/\/$/, '');
}

export async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      credentials: 'include',
      headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {},
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiFailure(0, 'network_error');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    // A code this widget does not know (a newer server) is shown as the generic failure.
    const e: Partial<ErrorBody['error']> = (data as Partial<ErrorBody>)?.error ?? {};
    throw new ApiFailure(
      res.status,
      typeof e.code === 'string' ? e.code : 'internal_error',
      (e.fields as Record<string, string>) ?? {},
      Number(res.headers.get('retry-after')) || undefined,
      e,
    );
  }
  return data as T;
}

const HINT = 'jp-portal-in';

/**
 * Whether this browser was logged in when last here (read, after setting it when `on` is given):
 * not a secret — the session cookie decides — it only spares a logged-in resident a flash of the
 * login while the portal asks for the session (jp-portal.ts start); set by that check, a login and
 * a logout (address.ts). Storage that is off reads as "not logged in".
 */
export function sessionHint(on?: boolean): boolean {
  try {
    if (on) localStorage[HINT] = '1';
    else if (on === false) delete localStorage[HINT];
    return !!localStorage[HINT];
  } catch {
    return false;
  }
}
