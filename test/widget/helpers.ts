// Component-test helpers: a fetch that answers like the API contract, and axe in the page.

export type Route = (body: any) => { status: number; body?: unknown; headers?: Record<string, string> };
export const calls: { path: string; body: any }[] = [];

export function answer(routes: Record<string, Route>) {
  calls.length = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), location.href).pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, body });
    const r = routes[`${init?.method ?? 'GET'} ${path}`]?.(body) ?? { status: 404, body: { error: { code: 'not_found' } } };
    return new Response(r.status === 204 ? null : JSON.stringify(r.body ?? {}), { status: r.status, headers: { 'content-type': 'application/json', ...r.headers } });
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
