// <jpo-import>, the console's Uvoz (administrator): the kind (Računi or Potrošači) and a CSV file;
// its preview (POST /api/staff/imports/preview, writing nothing: the encoding read, rows, new /
// changed / unchanged, periods, the errors by line and column); Potvrdite uvoz only for a preview
// without errors (POST /api/staff/imports with the same file); after a bills import, the run of its
// period watched live in <jpo-run>, which also watches any period's run without an import.
// Invariant: what is imported is the very file previewed, and a new choice voids the preview.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ImportAnswer, ImportKind, ImportLineError, ImportPreviewAnswer } from '../../../contract/office.ts';
import { ApiFailure, upload } from './api.js';
import { OfficeTab, type Status, statusLine } from './tab.js';
import './office-run.js';

export class OfficeImport extends OfficeTab {
  static properties = {
    ...OfficeTab.properties,
    kind: { state: true },
    preview: { state: true },
    done: { state: true },
  };
  kind: ImportKind = 'bills';
  preview: ImportPreviewAnswer | null = null;
  done: Status = null;
  private file: File | null = null;

  private chooseKind = (e: Event) => {
    this.kind = (e.target as HTMLInputElement).value as ImportKind;
    this.preview = null;
  };

  private chooseFile = (e: Event) => {
    this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
    this.preview = null;
  };

  private showPreview = (e: Event) => {
    e.preventDefault();
    const file = this.file;
    if (!file) {
      this.status = { good: false, text: msg('Izaberite datoteku.') };
      return;
    }
    this.done = null;
    return this.run(() =>
      this.refused(async () => {
        this.preview = await upload<ImportPreviewAnswer>(this.base, `/imports/preview?kind=${this.kind}`, file);
      }),
    );
  };

  private confirm = () => {
    const file = this.file!;
    const kind = this.kind;
    return this.run(() =>
      this.refused(async () => {
        const r = await upload<ImportAnswer>(this.base, `/imports?kind=${kind}`, file);
        this.preview = null;
        this.done = { good: true, text: this.summary(r) };
        // The newest period's run: what this file's bills started.
        if (r.kind === 'bills' && r.periods.length)
          this.querySelector('jpo-run')?.follow([...r.periods].sort().at(-1)!);
      }),
    );
  };

  /**
   * A file the server refused (422 import_failed: unreadable, or — on the import — bad lines found
   * after its preview) said in words; the bad lines, when named, shown as the preview's errors.
   */
  private async refused(action: () => Promise<void>) {
    try {
      await action();
    } catch (e) {
      if (!(e instanceof ApiFailure && e.code === 'import_failed')) throw e;
      const fields = e.fields as { file?: string; lines?: ImportLineError[] };
      const why = fields.file;
      this.status = {
        good: false,
        text: why
          ? msg(str`Uvoz nije izvršen, ništa nije upisano: ${why}`)
          : msg('Uvoz nije izvršen, ništa nije upisano. Pregledajte datoteku ponovo.'),
      };
      this.preview = this.preview && fields.lines?.length ? { ...this.preview, errors: fields.lines } : null;
    }
  }

  private summary(r: ImportAnswer): string {
    const { created, updated, mailed } = r;
    return r.kind === 'bills'
      ? msg(
          str`Uvoz je izvršen: novih ${created}, izmenjenih ${updated}; računa poslatih u red za slanje e-poštom: ${mailed}.`,
        )
      : msg(str`Uvoz je izvršen: novih ${created}, izmenjenih ${updated}.`);
  }

  render() {
    return html`
      <h2>${msg('Uvoz')}</h2>
      ${statusLine(this.status)}
      <form @submit=${this.showPreview}>
        <fieldset class="jpo-kind">
          <legend>${msg('Vrsta datoteke')}</legend>
          ${(
            [
              ['bills', msg('Računi')],
              ['consumers', msg('Potrošači')],
            ] as const
          ).map(
            ([k, label]) => html`<div class="jp-check">
              <input type="radio" id=${`jpo-kind-${k}`} name="kind" value=${k} .checked=${this.kind === k} @change=${this.chooseKind} />
              <label for=${`jpo-kind-${k}`}>${label}</label>
            </div>`,
          )}
        </fieldset>
        <div class="jp-field">
          <label for="jpo-file">${msg('Datoteka (CSV iz sistema za obračun)')}</label>
          <input id="jpo-file" name="file" type="file" accept=".csv,text/csv" required @change=${this.chooseFile} />
        </div>
        <div><button type="submit" aria-busy=${this.busy}>${msg('Pregledajte datoteku')}</button></div>
      </form>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      ${statusLine(this.done)}
      <jpo-run .base=${this.base} .staff=${this.staff}></jpo-run>
    `;
  }

  private renderPreview(p: ImportPreviewAnswer) {
    const encoding = p.encoding;
    const count = p.errors.length;
    const figures: [string, string | number][] = [
      [msg('Kodna strana'), p.encodingDetected ? msg(str`${encoding} (prepoznata)`) : msg(str`${encoding} (navedena)`)],
      [msg('Redova'), p.rows],
      [msg('Novih'), p.created],
      [msg('Izmenjenih'), p.changed],
      [msg('Nepromenjenih'), p.unchanged],
    ];
    if (p.kind === 'bills') figures.push([msg('Periodi'), p.periods.join(', ') || '—']);
    return html`<section class="jpo-box" aria-labelledby="jpo-preview-title">
      <h3 id="jpo-preview-title">${msg('Pregled datoteke')}</h3>
      <p class="jp-hint">${msg('Ništa još nije upisano.')}</p>
      <dl class="jpo-figures">${figures.map(([label, v]) => html`<div><dt>${label}</dt><dd>${v}</dd></div>`)}</dl>
      ${
        count
          ? html`<p class="jp-error" role="alert">${msg(str`Datoteka ima grešaka: ${count}. Ispravite datoteku i izaberite je ponovo; uvoz je moguć tek bez grešaka.`)}</p>
            <div class="jpo-scroll"><table class="jpo-errors">
              <caption>${msg('Greške u datoteci')}</caption>
              <thead><tr><th scope="col">${msg('Mesto')}</th><th scope="col">${msg('Greška')}</th></tr></thead>
              <tbody>${p.errors.map((e) => {
                const line = e.line;
                const column = e.column;
                return html`<tr><td>${column ? msg(str`Red ${line}, kolona ${column}`) : msg(str`Red ${line}`)}</td><td>${e.reason}</td></tr>`;
              })}</tbody>
            </table></div>`
          : html`<div class="jpo-actions"><button type="button" aria-busy=${this.busy} @click=${this.confirm}>${msg('Potvrdite uvoz')}</button></div>`
      }
    </section>`;
  }
}

if (!customElements.get('jpo-import')) customElements.define('jpo-import', OfficeImport);
declare global {
  interface HTMLElementTagNameMap {
    'jpo-import': OfficeImport;
  }
}
