// The base of every element: light-DOM rendering (password managers must see the real form),
// the base stylesheet adopted by the element's root, the page's one locale, the `api`
// attribute, and the guarded `define`. Forms are the FormController's (form-controller.ts),
// events are events.ts's. Reactive properties are `static properties` plus a typed class field
// with its initial value (`token = ''`, assigned through Lit's accessor: useDefineForClassFields
// is off), not `@state() accessor`: esbuild's helpers for standard decorators cost 1.4 KB gzip on
// the login page, over its budget.
import { LitElement, nothing, type CSSResult, type CSSResultGroup } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { adoptStyles, base } from './styles.js';
import { apiBase, call } from './api.js';
import { localeFor, toLocale, setLocale, getLocale } from './localize.js';
import { ANY, type JpTag, type View } from './registry.js';
import { emit } from './events.js';

let uid = 0;
let help: typeof import('./help.js') | undefined;

export abstract class JpElement extends LitElement {
  static styles: CSSResultGroup = base;
  /** A prefix for the ids of the element's inputs, unique in the page. */
  protected readonly id$ = `jp${++uid}`;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  static get observedAttributes() {
    // biome-ignore lint/complexity/noThisInStatic: super here reads the subclass's own reactive properties' attributes
    return [...super.observedAttributes, 'lang'];
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    adoptStyles(this, (this.constructor as typeof LitElement).elementStyles as CSSResult[]);
    super.connectedCallback();
    this.classList.add('jp');
    if (this.decidesLocale) this.useLocale(localeFor(this));
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && value && this.isConnected && !this.nested) this.useLocale(toLocale(value));
  }

  /**
   * The page has one locale (@lit/localize's runtime mode): the first of the widget's elements
   * in the page decides it, whatever order their chunks arrive in; the others follow.
   */
  private get decidesLocale() {
    const first = document.querySelector(ANY);
    return !first || first === this;
  }

  private get nested() {
    return !!this.parentElement?.closest('.jp');
  }

  private useLocale(wanted: ReturnType<typeof localeFor>) {
    if (wanted !== getLocale()) void setLocale(wanted);
  }

  /** The worker's base URL: this element's `api` attribute or its nearest ancestor's. */
  protected get api() {
    return apiBase(this);
  }

  protected call<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
    return call<T>(this.api, method, path, body);
  }

  /** A link handler that asks the portal (or the host page) to show another view. */
  protected navigate(view: View) {
    return (e: Event) => {
      e.preventDefault();
      emit(this, 'jp-navigate', { view });
    };
  }

  /**
   * The "Pomoć" block (help.ts) under the view: only the outermost element shows it (the portal
   * for its views). Fetched after the first render, so it never delays the login form.
   */
  protected helpBlock() {
    if (this.nested) return nothing;
    if (help) return help.helpBlock(this, `${this.id$}-aid`);
    void import('./help.js').then((m) => {
      help = m;
      adoptStyles(this, [m.helpStyles]);
      this.requestUpdate();
    });
    return nothing;
  }

  /** Moves focus to the view's heading, so screen readers announce the new view. */
  focusHeading() {
    this.querySelector<HTMLElement>('h2')?.focus();
  }
}

/**
 * Defines an element once: a page that has the script tag twice (or two copies of the bundle)
 * keeps the first definition instead of throwing.
 */
export function define<T extends JpTag>(tag: T, element: new () => HTMLElementTagNameMap[T]) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
