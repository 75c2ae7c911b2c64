// Component-test helpers: a fetch that answers like the API contract (typed against
// contract/responses.ts and contract/errors.ts, so it cannot drift from the real API), axe in the
// page, and the small steps every element test takes (find an input by its label, submit, wait
// until what the widget started has finished — never a number of frames or a fixed sleep).
import { FormController } from '../../widget/src/form-controller.ts';
import type { Account } from '../../widget/src/api.ts';
import type { ErrorBody, ErrorCode } from '../../contract/errors.ts';
import type * as R from '../../contract/responses.ts';

/**
 * Every route the widget calls, with what its success answers (`null`: 204 No Content), as the
 * worker's routes answer it (their `c.json` payloads `satisfies` the same types).
 */
export interface Api {
  'GET /api/me': R.MeAnswer;
  'POST /api/login': R.AccountAnswer;
  'POST /api/login/code/send': R.StatusAnswer<'mailRequest'>;
  'POST /api/login/code': R.AccountAnswer;
  'POST /api/passkey/login/options': R.PasskeyOptionsAnswer;
  'POST /api/passkey/login': R.AccountAnswer;
  'POST /api/logout': null;
  'POST /api/register': R.StatusAnswer<'register'>;
  'POST /api/register/resend': R.StatusAnswer<'mailRequest'>;
  'POST /api/confirm': R.StatusAnswer<'confirm'>;
  'POST /api/password/forgot': R.StatusAnswer<'mailRequest'>;
  'POST /api/password/reset': R.ResetAnswer;
  'POST /api/password/reset/passkeys': R.ProvisionalPasskeysAnswer;
  'POST /api/account/settings': R.AccountAnswer;
  'POST /api/account/password': R.StatusAnswer<'changePassword'>;
  'POST /api/account/email': R.StatusAnswer<'changeEmail'>;
  'GET /api/account/sessions': R.SessionsAnswer;
  'POST /api/account/sessions/revoke': null;
  'POST /api/account/sessions/revoke-all': null;
  'GET /api/account/consumers': R.ConsumersAnswer;
  'POST /api/account/consumers/link': R.StatusAnswer<'linkConsumer'>;
  'POST /api/account/consumers/unlink': null;
  'GET /api/account/passkeys': R.PasskeysAnswer;
  'POST /api/account/passkeys/options': R.PasskeyOptionsAnswer;
  'POST /api/account/passkeys': R.PasskeyAnswer;
  'POST /api/account/passkeys/remove': R.StatusAnswer<'removePasskey'>;
  'GET /api/account/consents': R.ConsentsAnswer;
  'POST /api/account/delete': null;
  'POST /api/email-bills/unsubscribe': R.StatusAnswer<'unsubscribe'>;
  'GET /api/bills': R.BillsPage;
  [bill: `GET /api/bills/${string}`]: R.BillAnswer;
}

/** The statuses the worker refuses with (contract/errors.ts says which code goes with which). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;
type Headers = { headers?: Record<string, string> };
export type Failure = { status: ErrorStatus; body: ErrorBody } & Headers;
export type Success<A> = ([A] extends [null] ? { status: 204 } : { status: 200 | 201 | 202; body: A }) & Headers;
/** A JSON request body as the widget sent it (undefined for a GET). */
export type Sent = Record<string, unknown> | undefined;
export type Route<K extends keyof Api> = (body: Sent) => Success<Api[K]> | Failure;
export type Routes = { [K in keyof Api]?: Route<K> };

/** A bill's page (`GET /api/bills/:id`) answering with the bill. */
export function billPage(bill: R.BillDetail): Routes {
  const routes: Routes = {};
  routes[`GET /api/bills/${bill.id}`] = () => ({ status: 200, body: { bill } });
  return routes;
}

export const calls: { path: string; body: Sent }[] = [];

/** A refusal as the worker words it, for any route. */
export const refuse =
  (status: ErrorStatus, code: ErrorCode, headers: Record<string, string> = {}, fields?: Record<string, string>) =>
  (): Failure => ({ status, body: { error: { code, ...(fields && { fields: fields as never }) } }, headers });

// Work the widget started that a test waits for: requests until their answer was read, and the
// form controllers' checks (with the schemas' lazy chunk) and submits.
const running = new Set<Promise<unknown>>();
const track = <T>(p: Promise<T>): Promise<T> => {
  running.add(p);
  const done = () => running.delete(p);
  p.then(done, done);
  return p;
};
for (const name of ['valid', 'submit'] as const) {
  const original = FormController.prototype[name] as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(FormController.prototype, name, {
    configurable: true,
    value(this: FormController, ...args: unknown[]) {
      return track(original.apply(this, args));
    },
  });
}
// The page's locale chunk, from @lit/localize's loading event to its ready (or error) event.
let localeLoaded: (() => void) | undefined;
window.addEventListener('lit-localize-status', (e) => {
  if ((e as CustomEvent<{ status: string }>).detail.status === 'loading') {
    if (!localeLoaded)
      track(
        new Promise<void>((ok) => {
          localeLoaded = ok;
        }),
      );
  } else {
    localeLoaded?.();
    localeLoaded = undefined;
  }
});

export function answer(routes: Routes) {
  calls.length = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const body: Sent = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, body });
    const route = routes[`${init?.method ?? 'GET'} ${path}` as keyof Api] as
      | ((body: Sent) => { status: number; body?: unknown; headers?: Record<string, string> })
      | undefined;
    const r = route?.(body) ?? refuse(404, 'not_found')();
    const res = new Response(r.status === 204 ? null : JSON.stringify(r.body), {
      status: r.status,
      headers: { 'content-type': 'application/json', ...r.headers },
    });
    // The request runs until the widget has read the answer (a 204 is not read).
    if (r.status !== 204) {
      let read!: () => void;
      track(new Promise<void>((ok) => (read = ok)));
      const json = res.json.bind(res);
      res.json = () => json().finally(read);
    }
    return res;
  };
}

/** One turn of the event loop: every promise continuation queued so far has run. */
const turn = () =>
  new Promise<void>((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(null);
  });

type Updating = HTMLElement & { isUpdatePending: boolean; updateComplete: Promise<unknown> };
const updating = () =>
  [...document.querySelectorAll<Updating>('.jp')].filter((el) => el.isUpdatePending).map((el) => el.updateComplete);
/** The widget's elements in the page whose chunk has not arrived yet (registry.ts loads them on demand). */
const undefinedTags = () =>
  [...new Set([...document.querySelectorAll(':not(:defined)')].map((el) => el.localName))]
    .filter((tag) => tag.startsWith('jp-'))
    .map((tag) => customElements.whenDefined(tag));

// The chunks elements fetch on first use without a form step or a tag to show it (element.ts's
// help block, jp-login's schema and other ways in): awaited by the same URL, so once the test's
// import has resolved, the element's own has too.
const lazyChunks = () =>
  Promise.all([
    import('../../widget/src/help.ts'),
    import('../../widget/src/validation.ts'),
    import('../../widget/src/login-other.ts'),
  ]);

/**
 * Waits until what the widget started has finished: the lazy chunks arrived, the requests to the
 * fake API answered and read, the forms' checks and submits done, the locale's and the elements'
 * chunks arrived, and every element rendered. Throws after `ms` naming what still runs.
 */
export async function settle(ms = 8000) {
  const deadline = performance.now() + ms;
  await lazyChunks();
  for (;;) {
    await turn();
    const waiting = [...running, ...updating(), ...undefinedTags()];
    if (waiting.length === 0) return;
    const left = deadline - performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((ok) => {
      timer = setTimeout(() => ok('late'), Math.max(left, 0));
    });
    const r = await Promise.race([Promise.all(waiting), late]);
    clearTimeout(timer);
    if (r === 'late')
      throw new Error(
        `settle: still running after ${ms} ms (${running.size} requests or form steps, ${updating().length} renders, ${undefinedTags().length} chunks)`,
      );
  }
}

/** Waits until the condition holds (what the test means to see), checking every frame; fails after `ms`. */
export async function until(condition: () => unknown, what = condition.toString(), ms = 8000) {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`until: not after ${ms} ms: ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

let axeLoaded: Promise<void> | undefined;
export async function axeViolations(el: Element): Promise<string[]> {
  axeLoaded ??= new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = () => ok();
    s.onerror = fail;
    document.head.append(s);
  });
  await axeLoaded;
  type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
  const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<AxeResult> } }).axe;
  const r = await axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

export const ACCOUNT: Account = {
  id: 'a1',
  name: 'Milica Jovanović',
  email: 'milica@example.com',
  emailBills: true,
  locale: 'sr-Latn',
  consumers: [{ code: '104521', name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' }],
};

/** The input a <label> with exactly this text is for. */
export const byLabel = (root: Element, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === text);
  return root.querySelector<HTMLInputElement>(`#${CSS.escape(label!.htmlFor)}`)!;
};

/** Submits the element's first form and waits until the answer has rendered. */
export const submit = async (el: Element) => {
  el.querySelector('form')!.requestSubmit();
  await settle();
};

export const buttonByText = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;
