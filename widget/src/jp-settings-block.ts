// One block of <jp-settings> (a reactive controller, not an element of its own): its part of the
// page, its own FormController (its own field errors and status), and its status line right under
// it — a failure in one form never shows at another; failures and focus stay inside the block.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FormController } from './form-controller.js';
import { apiBase, call, type ApiFailure } from './api.js';
import { statusLine } from './field.js';
import type { Account } from '../../contract/responses.ts';

export interface SettingsHost extends ReactiveControllerHost, HTMLElement {
  account: Account | null;
  /** A prefix for ids, unique in the page. */
  readonly idPrefix: string;
  /** Lists the passkeys again (after "log out everywhere" removed them). */
  refreshPasskeys?(): Promise<void>;
}

/** A block's forms share <jp-settings> with the others: only an edit inside the block clears its errors. */
class BlockForm extends FormController {
  constructor(
    host: SettingsHost,
    private readonly root: () => HTMLElement | null,
  ) {
    super(host);
  }

  protected override edited(e: Event) {
    if (this.root()?.contains(e.target as Node)) super.edited(e);
  }
}

export abstract class Block implements ReactiveController {
  protected readonly form: FormController;

  constructor(
    protected readonly host: SettingsHost,
    /** Names the block in the page (`data-block`) and the ids of its inputs. */
    readonly name: string,
  ) {
    host.addController(this);
    this.form = new BlockForm(host, () => this.root);
  }

  hostConnected() {}

  protected get id() {
    return `${this.host.idPrefix}-${this.name}`;
  }

  protected call<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
    return call<T>(apiBase(this.host), method, path, body);
  }

  protected get root() {
    return this.host.querySelector<HTMLElement>(`[data-block=${this.name}]`);
  }

  /**
   * Runs a request; a failure is shown in this block (at the field when the answer names one,
   * else in this block's status line, which then takes focus).
   */
  protected async run(work: () => Promise<void>, describe: (f: ApiFailure) => string) {
    await this.form.submit(work, (f) => (Object.keys(f.fields).length ? '' : describe(f)), false);
    // The failure's words are '' when a field says it.
    const failure = this.form.status?.kind === 'bad' ? this.form.status.text : null;
    if (failure !== null && !(typeof failure === 'function' ? failure() : failure)) this.form.status = null;
    await this.host.updateComplete;
    const root = this.root;
    (root?.querySelector<HTMLElement>('[aria-invalid=true]') ?? root?.querySelector<HTMLElement>('.jp-bad'))?.focus();
  }

  /**
   * The server and the schemas call every re-entered password "password"; this block's field
   * named `field` gets it (said once, at the field).
   */
  protected async passwordErrorTo(field: string) {
    if (!this.form.fields.password || field === 'password') return;
    const { password, ...rest } = this.form.fields;
    this.form.fields = { ...rest, [field]: password };
    await this.host.updateComplete;
    this.root?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  protected abstract content(): TemplateResult;

  /** What follows the status line (the utility's contact, where it helps). */
  protected after(): unknown {
    return nothing;
  }

  render(cls = 'jp-block') {
    return html`<section class=${cls} data-block=${this.name}>${this.content()}${statusLine(this.form.status)}${this.after()}</section>`;
  }
}
