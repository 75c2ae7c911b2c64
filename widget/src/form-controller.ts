// A Lit reactive controller for an element's forms: a busy state that drops double submits,
// the field errors by input name, one live status line, checking input with the shared schemas,
// running a request and turning its failure into field errors or words, a jp-error event, and
// focus on the first error once the element has rendered it. Invariant: nothing stale stays on
// screen — editing a field clears its error and a failure in the status line, and every new
// check or submit starts from an empty status; the field errors are codes and a failure's status
// a function of it, both worded at render, so a switch of script re-words them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GenericSchema, InferOutput } from 'valibot';
import { ApiFailure } from './api.js';
import { emit } from './events.js';
import { hidePasswords, type Status } from './field.js';
import { fieldText } from './messages.js';
import { getLocale } from './localize.js';

export type { Status };
type Host = ReactiveControllerHost & HTMLElement;

export class FormController implements ReactiveController {
  private b = false;
  private f: Record<string, string> = {};
  private s: Status = null;
  private focusNext = false;

  constructor(private readonly host: Host) {
    host.addController(this);
    // On the host itself (text fields and checkboxes alike fire input): nothing to remove.
    host.addEventListener('input', (e) => this.edited(e));
  }

  /** A field edited: its error (by input name, `consumer-code` → `consumerCode`) and a failure shown go. */
  protected edited(e: Event) {
    const t = e.target as HTMLInputElement;
    const key = t.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if (this.f[key]) {
      const { [key]: _, ...rest } = this.f;
      this.fields = rest;
    }
    if (this.s?.kind === 'bad') this.status = null;
  }

  /** A request is running; the element shows it (aria-busy) and a second submit is dropped. */
  get busy() {
    return this.b;
  }
  set busy(v) {
    this.b = v;
    this.host.requestUpdate();
  }

  /** Error codes by field name, from the schemas or the server. */
  get fields() {
    return this.f;
  }
  set fields(v) {
    this.f = v;
    this.host.requestUpdate();
  }

  /** The status line: what happened, good or bad. */
  get status() {
    return this.s;
  }
  set status(v) {
    this.s = v;
    this.host.requestUpdate();
  }

  /** After the render that shows new errors: focus on the first (a field, else the status). */
  hostUpdated() {
    if (!this.focusNext) return;
    this.focusNext = false;
    this.focusFirstError();
  }

  focusFirstError() {
    const bad = this.host.querySelector<HTMLElement>('[aria-invalid=true]');
    (bad ?? this.host.querySelector<HTMLElement>('.jp-status:not(:empty)'))?.focus();
  }

  /** Checks input with a shared schema; on failure shows the field errors and focuses the first. */
  async valid<S extends GenericSchema>(schema: S, input: unknown): Promise<InferOutput<S> | null> {
    // Already loaded by every view but the login, which fetches it on first use.
    const { validate } = await import('./validation.js');
    if (this.s) this.status = null;
    const r = validate(schema, input);
    if (r.ok) {
      if (Object.keys(this.f).length) this.fields = {};
      return r.value;
    }
    this.fields = r.fields;
    await this.rendered(true);
    return null;
  }

  /**
   * Runs a submit once at a time; maps a failure to field errors or the status line (in the
   * words `describe` gives it) and fires jp-error. Loads nobody asked for (on connect) pass
   * focus=false: they must not pull focus into the widget.
   */
  async submit(work: () => Promise<void>, describe: (f: ApiFailure) => string, focus = true) {
    if (this.busy) return;
    this.busy = true;
    this.status = null;
    hidePasswords(this.host);
    try {
      await work();
    } catch (e) {
      const f = e instanceof ApiFailure ? e : new ApiFailure(0, 'internal_error');
      this.fields = f.fields;
      // What a field says already (the checks, a wrong re-entered password) is not said twice.
      // Worded now (a view's describe may also act on the failure), and again once after each
      // switch of locale, at the render that shows it.
      let locale = getLocale();
      let text = describe(f);
      const said = f.code === 'validation_failed' || Object.values(f.fields).some((c) => fieldText(c) === text);
      const words = () => {
        if (locale !== getLocale()) {
          locale = getLocale();
          text = describe(f);
        }
        return text;
      };
      this.status = Object.keys(f.fields).length && said ? null : { kind: 'bad', text: words };
      emit(this.host, 'jp-error', { code: f.code, fields: f.fields, status: f.status });
      await this.rendered(focus);
    } finally {
      this.busy = false;
    }
  }

  /** Resolves once the host has rendered the latest state (and focused the first error). */
  private rendered(focus: boolean) {
    this.focusNext = focus;
    return this.host.updateComplete;
  }
}
