// What every tab of the console shares (each tab is a light-DOM element inside <jp-office>, so the
// console's adopted sheets style it): the API's base address and the staff member in session
// (properties set by <jp-office>), the busy flag, a status line, and `run`, which shows a failure
// in words and, when the session ended (401), tells <jp-office> by the `jpo-session-ended` event
// (the console then shows its login). Invariant: a tab never handles a 401 itself.
import { LitElement, html } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { StaffMember } from '../../../contract/office.ts';
import { ApiFailure } from './api.js';
import { failureText } from './words.js';

export type Status = { good: boolean; text: string } | null;

/** The event a tab fires when the API said the session is over. */
export const SESSION_ENDED = 'jpo-session-ended';

/** A status line: polite for good news, an alert for a failure; empty (and hidden) for none. */
export const statusLine = (s: Status) =>
  html`<p class="jp-status ${s ? (s.good ? 'jp-good' : 'jp-bad') : ''}" role=${s?.good ? 'status' : 'alert'}>${s?.text ?? ''}</p>`;

export class OfficeTab extends LitElement {
  static properties = {
    base: { attribute: false },
    staff: { attribute: false },
    busy: { state: true },
    status: { state: true },
  };
  /** The API's origin ('' for the console's own). */
  base = '';
  staff: StaffMember | null = null;
  busy = false;
  status: Status = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected createRenderRoot() {
    return this;
  }

  /** Runs an action with the busy flag; a failure goes to `show` (the tab's status line by default). */
  protected async run(action: () => Promise<void>, show: (s: Status) => void = (s) => (this.status = s)) {
    this.busy = true;
    show(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'unauthenticated') {
        this.dispatchEvent(new CustomEvent(SESSION_ENDED, { bubbles: true }));
        return;
      }
      show({ good: false, text: failureText(e) });
    } finally {
      this.busy = false;
    }
  }
}
