// Every element but the portal and its first view is a chunk of its own (registry.ts), loaded
// when it is needed: when the portal navigates to it, or when the page (or anything added to it
// later) holds its tag — so a page with only <jp-register> loads only the registration view.
import { CHUNKS } from './registry.js';

const loading = new Map<string, Promise<unknown>>();

/** Defines the element (once); resolves when it is defined. */
export function loadElement(tag: string): Promise<unknown> {
  const chunk = CHUNKS[tag as keyof typeof CHUNKS];
  if (!chunk || customElements.get(tag)) return Promise.resolve();
  let p = loading.get(tag);
  if (!p) {
    // A failed download may be tried again on the next navigation.
    p = chunk().catch((e) => {
      loading.delete(tag);
      throw e;
    });
    loading.set(tag, p);
  }
  return p;
}

function discover(root: Element | Document) {
  const undefinedHere = root instanceof Element && root.matches(':not(:defined)') ? [root] : [];
  for (const el of [...undefinedHere, ...root.querySelectorAll(':not(:defined)')]) {
    if (el.localName in CHUNKS) void loadElement(el.localName).catch(() => {});
  }
}

/** Loads the elements already in the document and those added to it later. */
export function autoload(doc: Document) {
  discover(doc);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) discover(n as Element);
  }).observe(doc.documentElement, { childList: true, subtree: true });
}
