// One labelled input with its error tied by aria-describedby and aria-invalid. A password input
// gets a "Prikaži lozinku" toggle (named "Sakrij lozinku" while shown) that switches only the input's type,
// so its name and autocomplete stay and password managers keep filling and saving it.
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { fieldText } from './messages.js';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  error?: string;
  /** Words for `invalid_format` naming the shape this field wants ("only digits, e.g. 104521"). */
  invalid?: string;
  hint?: string | TemplateResult;
  required?: boolean;
  inputmode?: string;
  /** Below the hint: a live line (the new password's check), tied to the input as well. */
  live?: TemplateResult;
  onInput?: (e: InputEvent) => void;
}

/** Shows or hides the password of the toggle's own field; the state is the input's type, not the host's. */
function togglePassword(e: Event) {
  const button = e.currentTarget as HTMLButtonElement;
  showPassword(button, (button.previousElementSibling as HTMLInputElement).type === 'password');
}

// The toggle's name says what it does next ("Prikaži lozinku", "Sakrij lozinku"): its text node is
// Lit's (after the part's marker), which keeps it while the words it rendered stay the same.
function showPassword(button: Element, show: boolean) {
  (button.previousElementSibling as HTMLInputElement).type = show ? 'text' : 'password';
  (button.lastChild as Text).data = show ? msg('Sakrij lozinku') : msg('Prikaži lozinku');
}

/** Hides every shown password under root again (before sending: browsers offer to save a password field). */
export function hidePasswords(root: Element) {
  for (const b of root.querySelectorAll('.jp-show')) showPassword(b, false);
}

export function field(o: FieldOptions) {
  const errId = `${o.id}-err`;
  const hintId = `${o.id}-hint`;
  const liveId = `${o.id}-live`;
  const describedBy = [o.hint ? hintId : '', o.live ? liveId : '', o.error ? errId : ''].filter(Boolean).join(' ');
  const input = html`<input id=${o.id} name=${o.name} type=${o.type ?? 'text'} autocomplete=${o.autocomplete}
      inputmode=${o.inputmode ?? nothing} ?required=${o.required ?? true} @input=${o.onInput}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />`;
  return html`<div class="jp-field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="jp-hint" id=${hintId}>${o.hint}</p>` : nothing}
    ${
      o.type === 'password'
        ? html`<div class="jp-password">${input}<button type="button" class="jp-secondary jp-show"
            @click=${togglePassword}>${msg('Prikaži lozinku')}</button></div>`
        : input
    }
    ${o.live ? html`<p class="jp-hint jp-live" id=${liveId}>${o.live}</p>` : nothing}
    ${o.error ? html`<p class="jp-error" id=${errId}>${(o.error === 'invalid_format' && o.invalid) || fieldText(o.error)}</p>` : nothing}
  </div>`;
}

export function checkbox(o: {
  id: string;
  name: string;
  label: string | TemplateResult;
  checked?: boolean;
  error?: string;
}) {
  const errId = `${o.id}-err`;
  return html`<div class="jp-field">
    <div class="jp-check">
      <input id=${o.id} name=${o.name} type="checkbox" ?checked=${o.checked ?? false}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${o.error ? errId : nothing} />
      <label for=${o.id}>${o.label}</label>
    </div>
    ${o.error ? html`<p class="jp-error" id=${errId}>${fieldText(o.error)}</p>` : nothing}
  </div>`;
}

/**
 * What happened, good or bad. Its words are a function worded at each render (so a switch of
 * script re-words a status already shown), or, from older code, words fixed when it was set.
 */
export type Status = { kind: 'good' | 'bad'; text: string | (() => string) } | null;

export function statusLine(status: Status) {
  const text = status?.text;
  return html`<p class="jp-status ${status ? `jp-${status.kind}` : ''}" role=${status?.kind === 'bad' ? 'alert' : 'status'} tabindex="-1">${typeof text === 'function' ? text() : text}</p>`;
}

/** Reads a form's values by input name. */
export function formValues(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (n: string) => String(data.get(n) ?? '');
  const checked = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | null)?.checked ?? false;
  return { text, checked };
}
