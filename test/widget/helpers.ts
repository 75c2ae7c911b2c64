// Component-test helpers: a fetch that answers like the API contract, axe in the page, and the
// small steps every element test takes (find an input by its label, wait a few frames, submit).
import { nextFrame } from '@open-wc/testing';
import type { Account } from '../../widget/src/api.ts';

export type Route = (body: any) => { status: number; body?: unknown; headers?: Record<string, string> };
export const calls: { path: string; body: any }[] = [];

export function answer(routes: Record<string, Route>) {
  calls.length = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, body });
    const r = routes[`${init?.method ?? 'GET'} ${path}`]?.(body) ?? {
      status: 404,
      body: { error: { code: 'not_found' } },
    };
    return new Response(r.status === 204 ? null : JSON.stringify(r.body ?? {}), {
      status: r.status,
      headers: { 'content-type': 'application/json', ...r.headers },
    });
  };
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
  const r = await (window as any).axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
  return r.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target).join(' ')}`);
}

export const ACCOUNT: Account = {
  id: 'a1',
  name: 'Milica Jovanović',
  email: 'milica@example.com',
  emailBills: true,
  locale: 'sr-Latn',
  consumers: [{ code: '104521', name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' }],
};

export const frames = async (n = 5) => {
  for (let i = 0; i < n; i++) await nextFrame();
};

/** Waits (a frame at a time, for at most 100) until the condition holds: for chunks fetched on first use. */
export const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await nextFrame();
};

/** The input a <label> with exactly this text is for. */
export const byLabel = (root: Element, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === text);
  return root.querySelector<HTMLInputElement>(`#${CSS.escape(label!.htmlFor)}`)!;
};

/** Submits the element's first form and lets the answer render. */
export const submit = async (el: Element) => {
  el.querySelector('form')!.requestSubmit();
  await frames();
};

export const buttonByText = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;
