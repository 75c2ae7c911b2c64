// What every view shares: light-DOM rendering, the page's locale, a busy state that blocks
// double submits, per-field error codes, a live status line, and events for the host page.
import { LitElement, type CSSResultGroup } from 'lit';
import type { GenericSchema, InferOutput } from 'valibot';
import { updateWhenLocaleChanges } from '@lit/localize';
import { adoptStyles, base } from './styles.js';
import { apiBase, call, ApiFailure } from './api.js';
import { localeFor, toLocale, setLocale, getLocale } from './localize.js';
import { ANY, type JpTag } from './registry.js';

let uid = 0;

export abstract class JpView extends LitElement {
  static properties = { busy: { state: true }, fields: { state: true }, status: { state: true } };
  static styles: CSSResultGroup = base;
  // Declared, not initialised as class fields, so they never shadow Lit's reactive accessors.
  declare busy: boolean;
  declare fields: Record<string, string>;
  declare status: { kind: 'good' | 'bad'; text: string } | null;
  protected readonly id$ = `jp${++uid}`;

  constructor() {
    super();
    this.busy = false;
    this.fields = {};
    this.status = null;
    updateWhenLocaleChanges(this);
  }

  static get observedAttributes() {
    return [...super.observedAttributes, 'lang'];
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    adoptStyles(this, (this.constructor as typeof LitElement).elementStyles);
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

  protected get api() {
    return apiBase(this);
  }

  protected call<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
    return call<T>(this.api, method, path, body);
  }

  protected emit(name: string, detail: unknown = {}) {
    if (name === 'error') {
      // A bubbling "error" would reach window, where error trackers and test runners take it
      // for a script error; it is dispatched on the outermost portal element only.
      (this.closest('jp-portal') ?? this).dispatchEvent(new CustomEvent(name, { detail }));
      return;
    }
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Checks input with a shared schema; on failure shows the field errors and focuses the first. */
  protected async valid<S extends GenericSchema>(schema: S, input: unknown): Promise<InferOutput<S> | null> {
    // Already loaded by every view but the login, which fetches it on first use.
    const { validate } = await import('./validation.js');
    const r = validate(schema, input);
    if (r.ok) return r.value;
    this.fields = r.fields;
    await this.updateComplete;
    this.focusFirstError();
    return null;
  }

  /**
   * Runs a submit once at a time; maps failures to field errors or the status line. Loads
   * nobody asked for (on connect) pass focus=false: they must not pull focus into the widget.
   */
  protected async submit(work: () => Promise<void>, describe: (f: ApiFailure) => string, focus = true) {
    if (this.busy) return;
    this.busy = true;
    this.status = null;
    try {
      await work();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : new ApiFailure(0, 'internal_error');
      this.fields = f.fields;
      this.status = Object.keys(f.fields).length && f.code === 'validation_failed' ? null : { kind: 'bad', text: describe(f) };
      this.emit('error', { code: f.code, fields: f.fields, status: f.status });
      await this.updateComplete;
      if (focus) this.focusFirstError();
    } finally {
      this.busy = false;
    }
  }

  protected focusFirstError() {
    const bad = this.querySelector<HTMLElement>('[aria-invalid=true]');
    (bad ?? this.querySelector<HTMLElement>('.jp-status:not(:empty)'))?.focus();
  }

  /** A link handler that asks the portal (or the host page) to show another view. */
  protected navigate(view: string) {
    return (e: Event) => {
      e.preventDefault();
      this.emit('jp-navigate', { view });
    };
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
