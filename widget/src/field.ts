// One labelled input with its error tied by aria-describedby and aria-invalid.
import { html, nothing, type TemplateResult } from 'lit';
import { fieldText } from './messages.js';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  error?: string;
  hint?: string | TemplateResult;
  required?: boolean;
  inputmode?: string;
}

export function field(o: FieldOptions) {
  const errId = `${o.id}-err`;
  const hintId = `${o.id}-hint`;
  const describedBy = [o.hint ? hintId : '', o.error ? errId : ''].filter(Boolean).join(' ');
  return html`<div class="jp-field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="jp-hint" id=${hintId}>${o.hint}</p>` : nothing}
    <input id=${o.id} name=${o.name} type=${o.type ?? 'text'} autocomplete=${o.autocomplete}
      inputmode=${o.inputmode ?? nothing} ?required=${o.required ?? true}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
    ${o.error ? html`<p class="jp-error" id=${errId}>${fieldText(o.error)}</p>` : nothing}
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

export function statusLine(status: { kind: 'good' | 'bad'; text: string } | null) {
  return html`<p class="jp-status ${status ? `jp-${status.kind}` : ''}" role=${status?.kind === 'bad' ? 'alert' : 'status'} tabindex="-1">${status?.text ?? ''}</p>`;
}

/** Reads a form's values by input name. */
export function formValues(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (n: string) => String(data.get(n) ?? '');
  const checked = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | null)?.checked ?? false;
  return { text, checked };
}
