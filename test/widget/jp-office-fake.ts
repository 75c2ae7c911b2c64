// The office's staff API as the console tests fake it: every route <jp-office> and its tabs call,
// with what each answers, typed by contract/office.ts (so the fake cannot drift from the contract),
// the requests recorded (a file body as its text), and the console's steps a test takes (a button
// or a field by its visible name, waiting until a text shows).
import { html, fixture as mount } from '@open-wc/testing';
import type * as O from '../../contract/office.ts';
import type { PasskeyOptionsAnswer } from '../../contract/responses.ts';
import type { ErrorBody } from '../../contract/errors.ts';
import type { PrintListAnswer } from '../../widget/src/office/api.ts';
import { until } from './helpers.ts';

/** The staff API's routes this console calls, with what each answers. */
interface OfficeApi {
  'GET /api/staff/me': O.StaffAnswer;
  'POST /api/staff/invitation/options': PasskeyOptionsAnswer;
  'POST /api/staff/invitation': O.StaffAnswer;
  'POST /api/staff/login/options': PasskeyOptionsAnswer;
  'POST /api/staff/login': O.StaffAnswer;
  'POST /api/staff/logout': O.OfficeStatusAnswer;
  'POST /api/staff/passkeys/options': PasskeyOptionsAnswer;
  'POST /api/staff/passkeys': O.StaffPasskeyAddedAnswer;
  'GET /api/staff/consumers': O.ConsumerSearchAnswer;
  [card: `GET /api/staff/consumers/${string}`]: O.ConsumerCardAnswer;
  [act: `POST /api/staff/consumers/${string}`]: O.OfficeStatusAnswer;
  'GET /api/staff/print-list': PrintListAnswer;
  'GET /api/staff/audit': O.AuditAnswer;
  'GET /api/staff/members': O.StaffListAnswer;
  [disable: `POST /api/staff/members/${string}/disable`]: O.OfficeStatusAnswer;
  'POST /api/staff/invitations': O.InvitationAnswer;
  'POST /api/staff/imports/preview': O.ImportPreviewAnswer;
  'POST /api/staff/imports': O.ImportAnswer;
  'GET /api/staff/runs': O.RunProgressAnswer;
  [retry: `POST /api/staff/runs/${string}/retry`]: O.RunRetryAnswer;
  'GET /api/staff/overview': O.OverviewAnswer;
}
type Answer<A> = { status: 200 | 201; body: A } | { status: 401 | 403 | 404 | 422; body: ErrorBody };
export type Routes = {
  [K in keyof OfficeApi]?: (body: Record<string, unknown> | undefined, url: URL) => Answer<OfficeApi[K]>;
};
export interface Call {
  method: string;
  path: string;
  search: string;
  contentType: string | null;
  /** A JSON body parsed; a file body as `{file: its text}`. */
  body: Record<string, unknown> | undefined;
}
export const calls: Call[] = [];

export function answer(routes: Routes) {
  calls.length = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const raw = init?.body;
    const body =
      raw instanceof Blob
        ? { file: await raw.text() }
        : raw
          ? (JSON.parse(String(raw)) as Record<string, unknown>)
          : undefined;
    const contentType = new Headers(init?.headers).get('content-type');
    calls.push({ method, path: url.pathname, search: url.search, contentType, body });
    const route = routes[`${method} ${url.pathname}` as keyof OfficeApi] as
      | ((b: typeof body, u: URL) => { status: number; body: unknown })
      | undefined;
    const r = route?.(body, url) ?? { status: 404, body: { error: { code: 'not_found' } } };
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
  };
}

/** Answers in turn, the last one again once they run out. */
export function inTurn<A>(...answers: A[]): () => A {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)];
}

export const CLERK: O.StaffMember = { id: 's1', email: 'sanja@jp.rs', name: 'Sanja Šalter', role: 'salter' };
export const ADMIN: O.StaffMember = { id: 's2', email: 'ana@jp.rs', name: 'Ana Admin', role: 'administrator' };
export const T = Date.UTC(2026, 11, 7, 9, 30);

export const me = (staff: O.StaffMember | null) => () =>
  staff
    ? { status: 200 as const, body: { staff } }
    : { status: 401 as const, body: { error: { code: 'unauthenticated' as const } } };

export const el = () => document.querySelector('jp-office')!;
/** The console's text as laid out (a table's cells and a list's terms apart), spaces collapsed. */
// biome-ignore lint/performance/useDomNodeTextContent: the laid-out text keeps cells and terms apart, as a reader sees them
export const text = () => el().innerText.replace(/\s+/g, ' ');
export const button = (name: string) =>
  [...el().querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
export const byLabel = (name: string) => {
  const label = [...el().querySelectorAll('label')].find((l) => l.textContent!.trim() === name);
  return el().querySelector<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(`#${label?.htmlFor}`)!;
};
export const shows = (what: string) => until(() => text().includes(what), what);
export const mountOffice = () => mount(html`<jp-office></jp-office>`);
/** The staff member's console open at a tab (by its button). */
export async function openTab(staff: O.StaffMember, tab: string) {
  await mountOffice();
  await shows(staff.name);
  button(tab).click();
  await until(() => el().querySelector('main h2')?.textContent === tab, tab);
}
/** Waits until no button of the console is busy (its request answered and shown). */
export const idle = () => until(() => !el().querySelector('[aria-busy=true]'), 'no busy button');
