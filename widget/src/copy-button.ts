// A slip field's copy button: copies the value as a banking app's field takes it, shows
// "✓ Kopirano" beside the button for a few seconds (or that copying failed), and says the same
// in the payment's live region (`.jp-copied`, emptied first so copying one field twice is
// announced twice). Invariant: the visible mark is hidden from screen readers, which hear the
// live region instead, so nothing is read twice.
import { html } from 'lit';
import { msg } from '@lit/localize';

/** How long "✓ Kopirano" stays beside the button. */
export const COPIED_SHOWN_MS = 4000;

/** The amount as a banking app's field takes it: "1860,00". */
export const plainAmount = (n: number) => n.toFixed(2).replace('.', ',');

/** Copies the text; the async Clipboard API where the page may use it, else a selection. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'jp-sr';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

function copy(text: string, what: string) {
  return async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    const mark = button.nextElementSibling;
    const live = button.closest('.jp-pay')?.querySelector('.jp-copied');
    const ok = await copyText(text);
    if (mark) {
      mark.textContent = ok ? `✓ ${msg('Kopirano')}` : msg('Kopiranje nije uspelo. Prepišite podatak.');
      mark.classList.toggle('jp-bad-copy', !ok);
      clearTimeout(timers.get(mark));
      timers.set(
        mark,
        setTimeout(() => (mark.textContent = ''), COPIED_SHOWN_MS),
      );
    }
    if (!live) return;
    live.textContent = '';
    await new Promise((r) => setTimeout(r, 50));
    live.textContent = ok ? `${msg('Kopirano')}: ${what}` : msg('Kopiranje nije uspelo. Prepišite podatak.');
  };
}

/** "Kopirajte" (named with its field for screen readers) and the place of its "✓ Kopirano". */
export function copyButton(value: string, label: string) {
  return html`<span class="jp-copy-line"><button type="button" class="jp-secondary jp-copy" @click=${copy(value, label)}>${msg('Kopirajte')}<span class="jp-sr"> ${label}</span></button><span class="jp-copy-done" aria-hidden="true"></span></span>`;
}
