// FormController: one submit at a time, the element re-rendered on every change of its state,
// failures as field errors or words, jp-error, focus on the first error (or none for loads
// nobody asked for), and checks with the shared schemas before anything is sent; nothing stale:
// an edited field loses its error and a failure in the status goes, a new check starts afresh, and
// a field that says it already is not said twice.
import { expect, html, fixture as mount, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FormController } from '../../widget/src/form-controller.ts';
import { ApiFailure } from '../../widget/src/api.ts';
import { forgotSchema } from '../../widget/src/validation.ts';
import { statusLine } from '../../widget/src/field.ts';

class TestForm extends LitElement {
  form = new FormController(this);
  renders = 0;
  protected createRenderRoot() {
    return this;
  }
  render() {
    this.renders++;
    const f = this.form.fields;
    return html`<form>
      <input name="email" aria-invalid=${f.email ? 'true' : 'false'} />
      <input name="pin" aria-invalid=${f.pin ? 'true' : 'false'} />
      <input name="consumer-code" aria-invalid=${f.consumerCode ? 'true' : 'false'} />
      ${statusLine(this.form.status)}
      <button aria-busy=${this.form.busy ? 'true' : 'false'}>Pošaljite</button>
    </form>`;
  }
}
customElements.define('test-form', TestForm);

const make = () => mount<TestForm>(html`<test-form></test-form>`);
const deferred = () => {
  let done!: () => void;
  const promise = new Promise<void>((ok) => (done = ok));
  return { promise, done };
};

describe('FormController', () => {
  it('re-renders the element when busy, the fields or the status change', async () => {
    const el = await make();
    const before = el.renders;
    el.form.fields = { pin: 'invalid_format' };
    await el.updateComplete;
    expect(el.querySelector('[name=pin]')!.getAttribute('aria-invalid')).to.equal('true');
    el.form.status = { kind: 'good', text: 'Sačuvano.' };
    await el.updateComplete;
    expect(el.querySelector('[role=status]')!.textContent).to.equal('Sačuvano.');
    expect(el.renders).to.equal(before + 2);
  });

  it('runs one submit at a time and shows it as busy', async () => {
    const el = await make();
    const gate = deferred();
    let runs = 0;
    const work = async () => {
      runs++;
      await gate.promise;
    };
    const first = el.form.submit(work, () => '');
    const second = el.form.submit(work, () => '');
    await el.updateComplete;
    expect(el.form.busy).to.equal(true);
    expect(el.querySelector('button')!.getAttribute('aria-busy')).to.equal('true');
    gate.done();
    await Promise.all([first, second]);
    await el.updateComplete;
    expect(runs).to.equal(1);
    expect(el.querySelector('button')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('a refusal: field errors from the server, words from describe, jp-error, focus on the first field', async () => {
    const el = await make();
    const failed = oneEvent(el, 'jp-error');
    await el.form.submit(
      async () => {
        throw new ApiFailure(409, 'email_taken', { email: 'email_taken' });
      },
      (f) => `opis: ${f.code}`,
    );
    const { detail } = await failed;
    expect(detail).to.deep.equal({ code: 'email_taken', fields: { email: 'email_taken' }, status: 409 });
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('opis: email_taken');
    expect(document.activeElement).to.equal(el.querySelector('[name=email]'));
    expect(el.form.busy).to.equal(false);
  });

  it('validation_failed with field errors shows only the fields; no fields: the status line gets focus', async () => {
    const el = await make();
    await el.form.submit(
      async () => {
        throw new ApiFailure(400, 'validation_failed', { pin: 'invalid_format' });
      },
      () => 'Proverite označena polja.',
    );
    expect(el.form.status).to.equal(null);
    expect(document.activeElement).to.equal(el.querySelector('[name=pin]'));
    await el.form.submit(
      async () => {
        throw new ApiFailure(503, 'service_unavailable');
      },
      () => 'Preopterećen.',
    );
    expect(el.form.fields).to.deep.equal({});
    expect(document.activeElement).to.equal(el.querySelector('.jp-status'));
  });

  it('anything else that goes wrong is internal_error, and a load nobody asked for takes no focus', async () => {
    const el = await make();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const failed = oneEvent(el, 'jp-error');
    await el.form.submit(
      async () => {
        throw new TypeError('x is undefined');
      },
      (f) => f.code,
      false,
    );
    expect((await failed).detail.code).to.equal('internal_error');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('internal_error');
    expect(document.activeElement).to.equal(outside);
    outside.remove();
  });

  it('checks input with a shared schema: errors by field and focus, or the parsed value', async () => {
    const el = await make();
    expect(await el.form.valid(forgotSchema(), { email: 'nije-adresa', locale: 'sr-Latn' })).to.equal(null);
    expect(el.form.fields).to.deep.equal({ email: 'invalid_email' });
    expect(document.activeElement).to.equal(el.querySelector('[name=email]'));
    expect(await el.form.valid(forgotSchema(), { email: 'milica@example.com', locale: 'sr-Latn' })).to.deep.equal({
      email: 'milica@example.com',
      locale: 'sr-Latn',
    });
  });

  const edit = (el: Element, name: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };

  it('an edited field loses its own error (consumer-code → consumerCode), the others stay', async () => {
    const el = await make();
    el.form.fields = { email: 'invalid_email', consumerCode: 'invalid_format', pin: 'invalid_format' };
    await el.updateComplete;
    edit(el, 'consumer-code', '104521');
    await el.updateComplete;
    expect(el.form.fields).to.deep.equal({ email: 'invalid_email', pin: 'invalid_format' });
    expect(el.querySelector('[name=consumer-code]')!.getAttribute('aria-invalid')).to.equal('false');
    edit(el, 'email', 'milica@example.com');
    await el.updateComplete;
    expect(el.form.fields).to.deep.equal({ pin: 'invalid_format' });
  });

  it('a failure in the status goes when a field is edited; words of success stay', async () => {
    const el = await make();
    await el.form.submit(
      async () => {
        throw new ApiFailure(400, 'invalid_consumer_credentials');
      },
      () => 'Šifra potrošača ili PIN nisu ispravni.',
    );
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Šifra potrošača ili PIN nisu ispravni.');
    edit(el, 'pin', '4821');
    await el.updateComplete;
    expect(el.form.status).to.equal(null);
    expect(el.querySelector('.jp-status')!.textContent).to.equal('');
    el.form.status = { kind: 'good', text: 'Poslali smo link.' };
    edit(el, 'email', 'a@b.rs');
    await el.updateComplete;
    expect(el.form.status).to.deep.equal({ kind: 'good', text: 'Poslali smo link.' });
  });

  it('a new check starts afresh: the old failure goes with field errors, and passing clears old field errors', async () => {
    const el = await make();
    el.form.status = { kind: 'bad', text: 'Šifra potrošača ili PIN nisu ispravni.' };
    expect(await el.form.valid(forgotSchema(), { email: 'nije-adresa', locale: 'sr-Latn' })).to.equal(null);
    expect(el.form.status).to.equal(null);
    expect(el.form.fields).to.deep.equal({ email: 'invalid_email' });
    expect(await el.form.valid(forgotSchema(), { email: 'milica@example.com', locale: 'sr-Latn' })).to.not.equal(null);
    expect(el.form.fields).to.deep.equal({});
  });

  it('a wrong re-entered password is said once, beside its field', async () => {
    const el = await make();
    await el.form.submit(
      async () => {
        throw new ApiFailure(403, 'wrong_password', { pin: 'wrong_password' });
      },
      () => 'Lozinka nije tačna.',
    );
    expect(el.form.fields).to.deep.equal({ pin: 'wrong_password' });
    expect(el.form.status).to.equal(null);
    expect(document.activeElement).to.equal(el.querySelector('[name=pin]'));
  });
});
